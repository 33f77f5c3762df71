package uk.nhs.triage.bot.pipeline;

import uk.nhs.triage.adapters.Comment;
import uk.nhs.triage.bot.routing.Decision;
import uk.nhs.triage.classifier.Classification;

/** A comment with what the classifier and the router made of it: one row of work to store. */
public record TriagedComment(Comment comment, Classification classification, Decision decision) {}
