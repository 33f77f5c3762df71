package uk.nhs.triage.bot.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.nhs.triage.bot.routing.Action.ACKNOWLEDGE_AND_THANK;
import static uk.nhs.triage.bot.routing.Action.ADVICE_AND_ASSISTANCE;
import static uk.nhs.triage.bot.routing.Action.ASK_CONTACT_DETAILS_PRIVATELY;
import static uk.nhs.triage.bot.routing.Action.CONSIDER_HIDING;
import static uk.nhs.triage.bot.routing.Action.DO_NOT_ENGAGE;
import static uk.nhs.triage.bot.routing.Action.ESCALATE_NOW;
import static uk.nhs.triage.bot.routing.Action.FORWARD_TO_FOI;
import static uk.nhs.triage.bot.routing.Action.GIVE_PALS_DETAILS;
import static uk.nhs.triage.bot.routing.Action.LOG_MEDIA_ENQUIRY;
import static uk.nhs.triage.bot.routing.Action.PERSON_TO_CHECK;
import static uk.nhs.triage.bot.routing.Action.PUBLIC_APOLOGY;
import static uk.nhs.triage.bot.routing.Action.REPLY_DRAFT;
import static uk.nhs.triage.bot.routing.Action.REPORT_TO_INFORMATION_GOVERNANCE;
import static uk.nhs.triage.bot.routing.Action.REPORT_TO_SAFEGUARDING_LEAD;
import static uk.nhs.triage.bot.routing.Action.SHARE_WITH_QUALITY;
import static uk.nhs.triage.classifier.Label.FOI_REQUEST;
import static uk.nhs.triage.classifier.Label.NEGATIVE;
import static uk.nhs.triage.classifier.Label.OFFENSIVE;
import static uk.nhs.triage.classifier.Label.PATIENT_SAFETY;
import static uk.nhs.triage.classifier.Label.PERSISTENT_USER;
import static uk.nhs.triage.classifier.Label.PERSONAL_DATA;
import static uk.nhs.triage.classifier.Label.POSITIVE;
import static uk.nhs.triage.classifier.Label.PRESS_CONTACT;
import static uk.nhs.triage.classifier.Label.SAFEGUARDING;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.nhs.triage.adapters.Author;
import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.calendar.CalendarException;
import uk.nhs.triage.bot.calendar.WorkingCalendar;
import uk.nhs.triage.bot.config.Organisation;
import uk.nhs.triage.classifier.Classification;
import uk.nhs.triage.classifier.Label;
import uk.nhs.triage.classifier.LabelScore;
import uk.nhs.triage.classifier.Verdict;

class RouterTest {
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final Organisation ORG =
      new Organisation(
          "NHS Example ICB", "0300 123 4567", "pals@example.nhs.uk", "foi@example.nhs.uk");
  static final WorkingCalendar CALENDAR =
      WorkingCalendar.load(Path.of("../config/calendar/bank-holidays.csv"));
  static final Router ROUTER =
      Router.load(Path.of("../config/routing.yml"), Path.of("../config/templates"), CALENDAR, ORG);

  /** Wednesday 25 November 2026, 10:00 in London: office hours. */
  static final Instant WEDNESDAY_MORNING = london(2026, 11, 25, 10, 0);

  /** Saturday 28 November 2026, 02:00 in London. */
  static final Instant SATURDAY_NIGHT = london(2026, 11, 28, 2, 0);

  @Test
  void positiveIsAcknowledgedWithAThankYouDraft() {
    Decision decision =
        route(comment("Brilliant care at the walk-in centre today"), fired(POSITIVE));

    assertThat(decision.queues()).containsExactly(Queue.COMMS);
    assertThat(decision.actions()).containsExactly(ACKNOWLEDGE_AND_THANK, REPLY_DRAFT);
    assertThat(decision.priority()).isEqualTo(Priority.LOW);
    assertThat(decision.replyTemplate()).isEqualTo("thank-you");
    assertThat(decision.replyDraft())
        .startsWith("Thank you @jo_public")
        .contains("NHS Example ICB");
    assertThat(decision.reasons()).anyMatch(r -> r.startsWith("positive:"));
  }

  @Test
  void positiveWithNegativeTakesTheNegativeRoute() {
    Decision decision = route(comment("Nice staff but waited 6 hours"), fired(POSITIVE, NEGATIVE));

    assertThat(decision.replyTemplate()).isEqualTo("negative-pals");
    assertThat(decision.reasons())
        .anyMatch(r -> r.startsWith("positive fired but its rule gives way to negative"));
  }

  @Test
  void negativeIsAcknowledgedWithPalsDetailsAndAThreeWorkingDayAcknowledgement() {
    Decision decision = route(comment("Waited 6 hours, appalling"), fired(NEGATIVE));

    assertThat(decision.queues()).containsExactly(Queue.COMMS);
    assertThat(decision.actions())
        .containsExactly(ACKNOWLEDGE_AND_THANK, GIVE_PALS_DETAILS, REPLY_DRAFT);
    assertThat(decision.priority()).isEqualTo(Priority.NORMAL);
    assertThat(decision.replyDraft())
        .contains(
            "thank you for getting in touch", "0300 123 4567", "pals@example.nhs.uk", "NHS 111");
    // Wed 25 Nov: Thu 26 (1), Fri 27 (2), Mon 30 (3; St Andrew's Day is Scottish only).
    assertThat(decision.dueBy()).isEqualTo(london(2026, 11, 30, 17, 0));
    assertThat(decision.escalateNow()).isFalse();
  }

  @Test
  void patientSafetyGoesToQualityAndPalsWithAnApologyAndEscalatesNow() {
    Decision decision =
        route(comment("My father has not been offered a drink for 2 days"), fired(PATIENT_SAFETY));

    assertThat(decision.queues()).containsExactlyInAnyOrder(Queue.QUALITY, Queue.PALS, Queue.COMMS);
    assertThat(decision.actions())
        .contains(PUBLIC_APOLOGY, ASK_CONTACT_DETAILS_PRIVATELY, SHARE_WITH_QUALITY, ESCALATE_NOW);
    assertThat(decision.priority()).isEqualTo(Priority.URGENT);
    assertThat(decision.dueBy()).isEqualTo(WEDNESDAY_MORNING);
    assertThat(decision.replyDraft())
        .contains("sorry", "look into it", "pass it to the provider", "999", "NHS 111")
        .doesNotContain("drink");
  }

  @Test
  void negativeWithPatientSafetyTakesTheSafetyRoute() {
    Decision decision =
        route(comment("Disgraceful, no drink for 2 days"), fired(NEGATIVE, PATIENT_SAFETY));

    assertThat(decision.queues()).contains(Queue.QUALITY, Queue.PALS);
    assertThat(decision.priority()).isEqualTo(Priority.URGENT);
    assertThat(decision.replyTemplate()).isEqualTo("safety-apology");
    assertThat(decision.actions()).doesNotContain(GIVE_PALS_DETAILS);
    assertThat(decision.reasons())
        .anyMatch(r -> r.contains("negative fired but its rule gives way to patient_safety"));
  }

  @Test
  void safeguardingGoesToTheLeadAtAnyHourWithNoPublicReply() {
    Decision decision =
        route(
            comment("A child is being left alone at night next door"),
            fired(SAFEGUARDING),
            SATURDAY_NIGHT);

    assertThat(decision.queues()).containsExactlyInAnyOrder(Queue.SAFEGUARDING, Queue.COMMS);
    assertThat(decision.actions()).containsExactly(REPORT_TO_SAFEGUARDING_LEAD, ESCALATE_NOW);
    assertThat(decision.priority()).isEqualTo(Priority.URGENT);
    assertThat(decision.dueBy()).isEqualTo(SATURDAY_NIGHT);
    assertThat(decision.replyTemplate()).isNull();
    assertThat(decision.replyDraft()).isNull();
  }

  @Test
  void safeguardingOnTheLastNightTheCalendarCoversIsStillRoutedAtAnyHour() {
    // late on the last day the bank-holidays file covers, the office next opens in a year it does
    // not: a rule that runs at any hour must not need that opening
    Instant lastNight = lastCoveredNight();
    assertThatThrownBy(() -> CALENDAR.nextOfficeOpening(lastNight))
        .as("the next opening is past the calendar's years")
        .isInstanceOf(CalendarException.class);

    Decision decision =
        route(
            comment("A child is being left alone at night next door"),
            fired(SAFEGUARDING),
            lastNight);

    assertThat(decision.queues()).contains(Queue.SAFEGUARDING);
    assertThat(decision.dueBy()).isEqualTo(lastNight);
    assertThat(decision.reasons()).anyMatch(r -> r.contains("at any hour"));
  }

  @Test
  void aComplaintWhoseDueTimeIsPastTheCalendarsYearsIsRoutedWithoutAGuessedTime() {
    // three working days from the last night the bank-holidays file covers cannot be counted: the
    // complaint still reaches its queues, with no due time and the reason saying why, instead of
    // failing the poll that fetched it
    Instant lastNight = lastCoveredNight();

    Decision decision = route(comment("Still waiting for a reply"), fired(NEGATIVE), lastNight);

    assertThat(decision.queues()).containsExactly(Queue.COMMS);
    assertThat(decision.dueBy()).isNull();
    assertThat(decision.reasons())
        .anyMatch(r -> r.contains("not counted") && r.contains("a person sets it"));
  }

  @Test
  void commentsReceivedAfterTheCalendarHasRunOutAreStillRouted() {
    // a weekday morning after the bank-holidays file's last year: whether the office is open cannot
    // be told, yet the complaint reaches its queue without a guessed time and the safeguarding
    // concern is due at once
    Instant morning =
        CALENDAR
            .coveredUntil()
            .with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY))
            .atTime(10, 0)
            .atZone(LONDON)
            .toInstant();

    Decision complaint = route(comment("Still waiting for a reply"), fired(NEGATIVE), morning);
    assertThat(complaint.queues()).containsExactly(Queue.COMMS);
    assertThat(complaint.dueBy()).isNull();
    assertThat(complaint.reasons()).anyMatch(r -> r.contains("not counted"));

    Decision concern =
        route(
            comment("A child is being left alone at night next door"),
            fired(SAFEGUARDING),
            morning);
    assertThat(concern.queues()).contains(Queue.SAFEGUARDING);
    assertThat(concern.dueBy()).isEqualTo(morning);
  }

  @Test
  void safetyCommentAtTwoOnSaturdayMorningIsUrgentAndDueNow() {
    Decision decision =
        route(
            comment("No one has checked on my mum for hours"),
            fired(PATIENT_SAFETY),
            SATURDAY_NIGHT);

    assertThat(decision.priority()).isEqualTo(Priority.URGENT);
    assertThat(decision.escalateNow()).isTrue();
    assertThat(decision.dueBy()).isEqualTo(SATURDAY_NIGHT);
    assertThat(decision.reasons()).anyMatch(r -> r.contains("at any hour"));
  }

  @Test
  void negativeCommentOnSaturdayCountsFromMondayOpening() {
    Decision decision = route(comment("Rude receptionist"), fired(NEGATIVE), SATURDAY_NIGHT);

    // Clock starts Mon 30 Nov 09:00: Tue 1 (1), Wed 2 (2), Thu 3 Dec (3), at close of office.
    assertThat(decision.dueBy()).isEqualTo(london(2026, 12, 3, 17, 0));
    assertThat(decision.priority()).isEqualTo(Priority.NORMAL);
    assertThat(decision.reasons())
        .anyMatch(r -> r.contains("from the next office opening (Mon 30 Nov 2026 09:00)"));
  }

  @Test
  void complaintAcknowledgementSkipsTheEasterWeekend() {
    Decision decision =
        route(comment("Terrible service"), fired(NEGATIVE), london(2026, 4, 2, 11, 0));

    // Thu 2 Apr: Good Friday, weekend, Easter Monday; Tue 7 (1), Wed 8 (2), Thu 9 (3).
    assertThat(decision.dueBy()).isEqualTo(london(2026, 4, 9, 17, 0));
  }

  @Test
  void completeFoiRequestIsForwardedWithAllSection8ElementsAndTheStatutoryDate() {
    Instant created = london(2025, 12, 19, 14, 30);
    Comment request =
        new Comment(
            "x",
            "1",
            "x-main",
            new Author("42", "janesmith", "Jane Smith"),
            "Under FOI please tell me how many agency nurses you used in 2025. Reply to jane.smith@example.com",
            created,
            null,
            null,
            "{}");

    Decision decision = ROUTER.route(request, fired(FOI_REQUEST), created.plusSeconds(120));

    assertThat(decision.queues()).containsExactly(Queue.FOI);
    assertThat(decision.actions()).contains(FORWARD_TO_FOI).doesNotContain(ADVICE_AND_ASSISTANCE);
    FoiAssessment foi = decision.foi();
    assertThat(foi.receivedAt()).isEqualTo(created);
    // Christmas, Boxing Day, 1 January and Scotland's 2 January are not working days.
    assertThat(foi.dueDate()).isEqualTo(LocalDate.of(2026, 1, 22));
    assertThat(foi.requesterName()).isEqualTo("Jane Smith");
    assertThat(foi.missingElements()).isEmpty();
    assertThat(decision.replyTemplate()).isEqualTo("foi-received");
    assertThat(decision.replyDraft()).contains("foi@example.nhs.uk");
  }

  @Test
  void foiRequestWithoutNameOrAddressGetsAdviceAndAssistance() {
    Instant saturday = london(2026, 3, 14, 11, 0);
    Comment request =
        new Comment(
            "x",
            "2",
            "x-main",
            new Author("7", "nhswatcher99", "NHS Watcher"),
            "@NHSExampleICB FOI request",
            null,
            null,
            null,
            "{}");

    Decision decision = ROUTER.route(request, fired(FOI_REQUEST), saturday);

    FoiAssessment foi = decision.foi();
    assertThat(foi.receivedAt()).isEqualTo(saturday);
    // From Saturday: Mon 16 is day 1; St Patrick's Day, Good Friday and Easter Monday skipped.
    assertThat(foi.dueDate()).isEqualTo(LocalDate.of(2026, 4, 15));
    assertThat(foi.requesterName()).isNull();
    assertThat(foi.missingElements())
        .containsExactly(
            "real name", "address for correspondence", "description of the information requested");
    assertThat(decision.actions()).contains(FORWARD_TO_FOI, ADVICE_AND_ASSISTANCE);
    assertThat(decision.replyTemplate()).isEqualTo("foi-advice");
    assertThat(decision.replyDraft())
        .contains("full name", "email or postal address", "foi@example.nhs.uk");
    assertThat(decision.reasons()).anyMatch(r -> r.contains("s.8 elements missing: real name"));
  }

  @Test
  void foiRequestPostedBeforeTheCalendarYearsIsForwardedWithoutAGuessedDate() {
    Comment old =
        new Comment(
            "x",
            "8",
            "x-main",
            new Author("1", "h", "Jane Smith"),
            "FOI: how many beds were closed?",
            Instant.parse("2023-06-01T10:00:00Z"),
            null,
            null,
            "{}");

    Decision decision = ROUTER.route(old, fired(FOI_REQUEST), WEDNESDAY_MORNING);

    assertThat(decision.queues()).containsExactly(Queue.FOI);
    assertThat(decision.foi().dueDate()).isNull();
    assertThat(decision.reasons()).anyMatch(r -> r.contains("FOI statutory deadline not computed"));
  }

  @Test
  void nameStatedInTextAndPostcodeCountAsSection8Elements() {
    Comment request =
        new Comment(
            "facebook",
            "3",
            "fb",
            new Author("9", "sp_1984", "sp_1984"),
            "Hi, my name is Sam Patel and this is a Freedom of Information request. Write to 1 High St, Bristol BS1 4ST",
            WEDNESDAY_MORNING,
            null,
            null,
            "{}");

    FoiAssessment foi = ROUTER.route(request, fired(FOI_REQUEST), WEDNESDAY_MORNING).foi();

    assertThat(foi.requesterName()).isEqualTo("Sam Patel");
    assertThat(foi.addressForCorrespondence()).isTrue();
    assertThat(foi.describesInformation()).isFalse();
    assertThat(foi.missingElements()).containsExactly("description of the information requested");
  }

  @Test
  void handleOrOrganisationDisplayNamesAreNotRealNames() {
    for (String displayName :
        List.of("jsmith_77", "Bristol Post News", "Concerned Parent", "Jane")) {
      Comment request =
          new Comment(
              "x",
              "4",
              "x-main",
              new Author("1", "h", displayName),
              "FOI: how many beds were closed?",
              WEDNESDAY_MORNING,
              null,
              null,
              "{}");
      assertThat(
              ROUTER
                  .route(request, fired(FOI_REQUEST), WEDNESDAY_MORNING)
                  .foi()
                  .realNameDiscernible())
          .as(displayName)
          .isFalse();
    }
  }

  @Test
  void persistentUserWithFoiRequestKeepsTheFoiWork() {
    Comment request =
        new Comment(
            "x",
            "5",
            "x-main",
            new Author("1", "again_again", "again_again"),
            "FOI how many complaints did you get last year",
            WEDNESDAY_MORNING,
            null,
            null,
            "{}");

    Decision decision =
        ROUTER.route(request, fired(PERSISTENT_USER, FOI_REQUEST), WEDNESDAY_MORNING);

    assertThat(decision.queues()).contains(Queue.FOI);
    assertThat(decision.actions()).contains(FORWARD_TO_FOI, ADVICE_AND_ASSISTANCE, DO_NOT_ENGAGE);
    assertThat(decision.foi()).isNotNull();
    // The advice-and-assistance reply is a private message, so it is still drafted.
    assertThat(decision.replyTemplate()).isEqualTo("foi-advice");
  }

  @Test
  void persistentUserWithComplaintKeepsTheComplaintButNoPublicReply() {
    Decision decision = route(comment("Still waiting, useless"), fired(PERSISTENT_USER, NEGATIVE));

    assertThat(decision.queues()).contains(Queue.COMMS);
    assertThat(decision.actions())
        .contains(GIVE_PALS_DETAILS, DO_NOT_ENGAGE)
        .doesNotContain(REPLY_DRAFT, ACKNOWLEDGE_AND_THANK);
    assertThat(decision.replyDraft()).isNull();
    assertThat(decision.dueBy()).isEqualTo(london(2026, 11, 30, 17, 0));
    assertThat(decision.reasons())
        .anyMatch(r -> r.contains("public reply draft 'negative-pals' withheld"));
  }

  @Test
  void persistentUserWithSafetyConcernStillEscalates() {
    Decision decision =
        route(comment("My dad has had no water all day"), fired(PERSISTENT_USER, PATIENT_SAFETY));

    assertThat(decision.queues()).contains(Queue.QUALITY, Queue.PALS);
    assertThat(decision.actions())
        .contains(SHARE_WITH_QUALITY, ASK_CONTACT_DETAILS_PRIVATELY, ESCALATE_NOW, DO_NOT_ENGAGE);
    assertThat(decision.priority()).isEqualTo(Priority.URGENT);
    assertThat(decision.replyDraft()).isNull();
  }

  @Test
  void persistentUserAloneIsNotEngaged() {
    Decision decision = route(comment("Why won't you answer me"), fired(PERSISTENT_USER));

    assertThat(decision.queues()).containsExactly(Queue.COMMS);
    assertThat(decision.actions()).containsExactly(DO_NOT_ENGAGE);
    assertThat(decision.dueBy()).isNull();
  }

  @Test
  void pressContactIsLoggedAndNeverAnsweredInPublic() {
    Comment press =
        new Comment(
            "x",
            "6",
            "x-main",
            new Author("3", "alexr_news", "Alex Reporter"),
            "I'm a reporter at the Bristol Post writing about ambulance waits. Can someone call me by 5pm today?",
            WEDNESDAY_MORNING,
            null,
            null,
            "{}");

    Decision decision = ROUTER.route(press, fired(PRESS_CONTACT, NEGATIVE), WEDNESDAY_MORNING);

    assertThat(decision.queues()).containsExactly(Queue.COMMS);
    assertThat(decision.actions())
        .contains(LOG_MEDIA_ENQUIRY, DO_NOT_ENGAGE)
        .doesNotContain(GIVE_PALS_DETAILS, REPLY_DRAFT);
    assertThat(decision.replyDraft()).isNull();
    MediaEnquiry media = decision.media();
    assertThat(media.outlet()).isEqualTo("Bristol Post");
    assertThat(media.journalist()).isEqualTo("Alex Reporter");
    assertThat(media.nature()).contains("ambulance waits");
    assertThat(media.deadlineText()).isEqualTo("by 5pm today");
    assertThat(media.deadline()).isEqualTo(london(2026, 11, 25, 17, 0));
  }

  @Test
  void mediaDeadlinesAreReadInLondonTime() {
    // Received Wednesday 25 November 2026, 10:00.
    assertDeadline(
        "Could you comment by 3pm tomorrow?", "by 3pm tomorrow", london(2026, 11, 26, 15, 0));
    assertDeadline(
        "Statement please, deadline Friday noon",
        "deadline Friday noon",
        london(2026, 11, 27, 12, 0));
    assertDeadline("Need a response by end of day", "by end of day", london(2026, 11, 25, 17, 0));
    assertDeadline("Please reply by 16:00", "by 16:00", london(2026, 11, 25, 16, 0));
    assertDeadline("Any comment? Filing soon", null, null);
  }

  @Test
  void summerDeadlineIsBritishSummerTime() {
    Instant july = london(2026, 7, 8, 9, 30);
    MediaEnquiry media =
        ROUTER
            .route(comment("ITV News here, comment by 2pm please"), fired(PRESS_CONTACT), july)
            .media();
    assertThat(media.deadline()).isEqualTo(Instant.parse("2026-07-08T13:00:00Z"));
  }

  @Test
  void outletsAreFoundByNameOrFromTheKnownList() {
    assertThat(outlet("Hi, Sam from ITV News here about the hospital closure"))
        .isEqualTo("ITV News");
    assertThat(outlet("Working on a piece for the BBC about GP access")).isEqualTo("BBC");
    assertThat(outlet("Hello from Bristol, quick question for a story")).isNull();
  }

  @Test
  void offensiveCommentMayBeHidden() {
    Decision decision = route(comment("You lot are ******"), fired(OFFENSIVE));

    assertThat(decision.queues()).containsExactly(Queue.COMMS);
    assertThat(decision.actions()).containsExactly(CONSIDER_HIDING);
  }

  @Test
  void personalDataGoesToInformationGovernanceAndIsNeverQuoted() {
    Decision decision =
        route(
            comment("My NHS number is 943 476 5919 and nobody has called back"),
            fired(PERSONAL_DATA, NEGATIVE));

    assertThat(decision.actions())
        .contains(REPORT_TO_INFORMATION_GOVERNANCE, CONSIDER_HIDING, GIVE_PALS_DETAILS);
    assertThat(decision.priority()).isEqualTo(Priority.HIGH);
    assertThat(decision.replyDraft()).doesNotContain("943").doesNotContain("476");
  }

  @Test
  void reviewBandSafetyGoesToQualityForACheck() {
    Decision decision = route(comment("Mum seemed a bit thirsty"), review(PATIENT_SAFETY));

    assertThat(decision.queues()).containsExactlyInAnyOrder(Queue.COMMS, Queue.QUALITY);
    assertThat(decision.actions()).containsExactly(PERSON_TO_CHECK);
    assertThat(decision.priority()).isEqualTo(Priority.HIGH);
    assertThat(decision.escalateNow()).isFalse();
    assertThat(decision.reasons())
        .anyMatch(r -> r.startsWith("patient_safety (review band, score 0.90)"));
  }

  @Test
  void reviewBandSafeguardingGoesToTheSafeguardingQueueForACheck() {
    Decision decision =
        route(comment("The kids next door are always out late"), review(SAFEGUARDING));

    assertThat(decision.queues()).containsExactlyInAnyOrder(Queue.COMMS, Queue.SAFEGUARDING);
    assertThat(decision.priority()).isEqualTo(Priority.HIGH);
  }

  @Test
  void otherReviewBandLabelsAreCheckedInComms() {
    Decision decision = route(comment("well that was something"), review(NEGATIVE));

    assertThat(decision.queues()).containsExactly(Queue.COMMS);
    assertThat(decision.actions()).containsExactly(PERSON_TO_CHECK);
    assertThat(decision.priority()).isEqualTo(Priority.NORMAL);
  }

  @Test
  void nothingFiredStaysInCommsWithNothingDue() {
    Decision decision =
        route(comment("What time does the pharmacy open?"), new Classification(Map.of(), "v1"));

    assertThat(decision.queues()).containsExactly(Queue.COMMS);
    assertThat(decision.actions()).isEmpty();
    assertThat(decision.priority()).isEqualTo(Priority.LOW);
    assertThat(decision.dueBy()).isNull();
    assertThat(decision.replyDraft()).isNull();
    assertThat(decision.reasons()).singleElement().asString().startsWith("no label:");
  }

  @Test
  void commentWithoutHandleIsGreetedKindly() {
    Comment anonymous =
        new Comment("facebook", "7", "fb", null, "Thank you all", null, null, null, "{}");
    assertThat(ROUTER.route(anonymous, fired(POSITIVE), WEDNESDAY_MORNING).replyDraft())
        .startsWith("Thank you there,");
  }

  private static void assertDeadline(String text, String expectedText, Instant expected) {
    MediaEnquiry media =
        ROUTER.route(comment(text), fired(PRESS_CONTACT), WEDNESDAY_MORNING).media();
    assertThat(media.deadlineText()).as(text).isEqualTo(expectedText);
    assertThat(media.deadline()).as(text).isEqualTo(expected);
  }

  private static String outlet(String text) {
    return ROUTER.route(comment(text), fired(PRESS_CONTACT), WEDNESDAY_MORNING).media().outlet();
  }

  private static Decision route(Comment comment, Classification classification) {
    return route(comment, classification, WEDNESDAY_MORNING);
  }

  private static Decision route(
      Comment comment, Classification classification, Instant receivedAt) {
    return ROUTER.route(comment, classification, receivedAt);
  }

  static Comment comment(String text) {
    return new Comment(
        "x", "c1", "x-main", new Author("99", "jo_public", "Jo"), text, null, null, null, "{}");
  }

  static Classification fired(Label... labels) {
    return classification(Verdict.FIRED, labels);
  }

  static Classification review(Label... labels) {
    return classification(Verdict.REVIEW, labels);
  }

  private static Classification classification(Verdict verdict, Label... labels) {
    Map<Label, LabelScore> scores = new EnumMap<>(Label.class);
    for (Label label : labels) {
      double score = verdict == Verdict.FIRED ? 2.0 : 0.9;
      scores.put(label, new LabelScore(label, score, 1.0, verdict, List.of()));
    }
    return new Classification(scores, "test");
  }

  /** 23:00 on the last day the bank-holidays file covers: the next office opening is past it. */
  private static Instant lastCoveredNight() {
    return CALENDAR.coveredUntil().atTime(23, 0).atZone(LONDON).toInstant();
  }

  static Instant london(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, LONDON).toInstant();
  }
}
