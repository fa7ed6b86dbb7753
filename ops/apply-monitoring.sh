#!/usr/bin/env bash
# Creates the log-based metrics and alert policies of ops/monitoring/ in a project, and an email
# notification channel for them (docs/OPERATIONS.md, "Alerts"). Run again after a change: metrics are
# updated in place; a policy that already exists (same display name) is left alone, so delete it in the
# console (Monitoring → Alerting) to have it recreated from its file.
#   bash ops/apply-monitoring.sh <project id> <alert email>
# Needs the Google Cloud CLI (gcloud, with its alpha and beta components: the policy and channel commands
# are not in every release of its GA track yet) signed in as a project owner.
set -euo pipefail
project="${1:?usage: bash ops/apply-monitoring.sh <project id> <alert email>}"
email="${2:?usage: bash ops/apply-monitoring.sh <project id> <alert email>}"
here="$(cd "$(dirname "$0")/monitoring" && pwd)"

for file in "$here"/metrics/*.json; do
  name="$(basename "$file" .json)"
  if gcloud logging metrics describe "$name" --project "$project" >/dev/null 2>&1; then
    gcloud logging metrics update "$name" --project "$project" --config-from-file "$file"
  else
    gcloud logging metrics create "$name" --project "$project" --config-from-file "$file"
  fi
done

channel="$(gcloud beta monitoring channels list --project "$project" --filter "type=\"email\" AND labels.email_address=\"$email\"" --format 'value(name)' | head -n 1)"
if [ -z "$channel" ]; then
  channel="$(gcloud beta monitoring channels create --project "$project" --display-name "motcua: cảnh báo / alerts" \
    --type email --channel-labels "email_address=$email" --format 'value(name)')"
fi
echo "notification channel: $channel"

for file in "$here"/policies/*.json; do
  display="$(node -p "require(process.argv[1]).displayName" "$file")"
  existing="$(gcloud alpha monitoring policies list --project "$project" --filter "displayName=\"$display\"" --format 'value(name)' | head -n 1)"
  if [ -n "$existing" ]; then
    echo "exists, left alone: $display ($existing)"
  else
    gcloud alpha monitoring policies create --project "$project" --policy-from-file "$file" --notification-channels "$channel"
  fi
done
