#!/usr/bin/env bash
# Leave-one-corpus-out evaluation of the development corpora. The nearest-examples signal reads
# its examples from the dev corpora themselves, so a dev corpus measured with the shipped
# examples.conf is only leave-one-comment-out; this script measures each corpus with the OTHER dev
# corpora as examples, closer to how the bot meets text nobody labelled. Prints the pooled
# precision and recall per label over all of them. Needs the jar built
# (mvn -B -q -DskipTests package). Usage: scripts/eval-loco.sh [corpus ...]  (default: dev dev2 ...)
# With TYPOS=0.25 in the environment, each corpus is misspelt first (evaluate --typos): what typos
# cost, measured on text the examples do not hold.
set -euo pipefail
cd "$(dirname "$0")/.."
corpora=${*:-$(ls config/eval | sed -n 's/^\(dev[0-9]*\)\.jsonl$/\1/p' | sort -V | tr '\n' ' ')}
work=$(mktemp -d); trap 'rm -rf "$work" config/loco-$$.yml' EXIT
mkdir -p "$work/rules" "$work/eval"
cp -r config/rules/. "$work/rules/"; cp config/eval/*.jsonl "$work/eval/"
sed "s#^\(\s*rules:\).*#\1 $work/rules#" config/triage.example.yml > "config/loco-$$.yml"
for c in $corpora; do
  files=$(for o in $corpora; do [ "$o" = "$c" ] || printf '../eval/%s.jsonl, ' "$o"; done | sed 's/, $//')
  sed "s#^files = .*#files = $files#" config/rules/examples.conf > "$work/rules/examples.conf"
  java -jar bot/target/triage-bot.jar evaluate -c "config/loco-$$.yml" --gold "$work/eval/$c.jsonl" \
    --floors none --mistakes 0 ${TYPOS:+--typos "$TYPOS"}
done | awk '
/^(positive|negative|patient_safety|foi_request|press_contact|persistent_user|safeguarding|offensive|personal_data) / {
  l=$1; sup[l]+=$5; fp[l]+=$6; fn[l]+=$7; if (!(l in seen)) { seen[l]=1; order[++n]=l } }
END { printf "%-16s %7s %7s %5s %5s %5s\n", "label", "P", "R", "supp", "fp", "fn";
  for (i=1; i<=n; i++) { l=order[i]; tp=sup[l]-fn[l];
    printf "%-16s %7.3f %7.3f %5d %5d %5d\n", l, (tp+fp[l]) ? tp/(tp+fp[l]) : 0, sup[l] ? tp/sup[l] : 0, sup[l], fp[l], fn[l] } }'
