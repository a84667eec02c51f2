#!/usr/bin/env bash
# The work of the `tt` GitHub Action (action.yml), kept in a script so that it can be run
# and tested outside GitHub: every input comes from an environment variable.
#
#   TT_PATHS          plans to check, separated by spaces or new lines (empty: plans/)
#   TT_SARIF          "true": also write a SARIF report (output `sarif`) for code scanning
#   TT_COMMENT_DIFF   "true": on a pull request, post `tt diff` of the changed plans as a comment
#   TT_STRICT         "true": warnings fail the job too (by default only errors do)
#   TT_OUT_DIR        where report files go (default: $RUNNER_TEMP, else the current folder)
#   TT                the tt command (default: tt)
#   GH_TOKEN          token for `gh api` (the comment); without it, or without gh, the
#                     comment is written to $TT_OUT_DIR/tt-diff-comment.md instead
#   GITHUB_*          set by GitHub: EVENT_NAME, EVENT_PATH (pull_request.number, base.sha, head.sha),
#                     REPOSITORY, STEP_SUMMARY, OUTPUT
#
# Needs bash, git and python3 (the standard library: ci/pr-comment.py writes the PR comment).
#
# Exit code: the one of `tt validate` (0 clean, 1 problems in a plan, 2 unreadable input).
set -uo pipefail

TT=${TT:-tt}
OUT_DIR=${TT_OUT_DIR:-${RUNNER_TEMP:-.}}
SUMMARY=${GITHUB_STEP_SUMMARY:-/dev/null}
OUTPUT=${GITHUB_OUTPUT:-/dev/null}
MARKER='<!-- tt-diff -->'
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export NO_COLOR=1 COLUMNS=${COLUMNS:-120} PYTHONIOENCODING=utf-8
mkdir -p "$OUT_DIR"

# shellcheck disable=SC2206  # word splitting of the paths list is wanted
PATHS=(${TT_PATHS:-})

fence() {  # a Markdown code fence longer than any run of backticks in the file
  local n
  n=$(grep -o '`\+' "$1" 2>/dev/null | awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }')
  [ "$n" -lt 3 ] && n=2
  printf '`%.0s' $(seq 0 "$n")
}

# ---------------------------------------------------------------- 1. validate: annotations
echo "::group::tt validate ${PATHS[*]:-plans/}"
"$TT" validate ${PATHS[@]+"${PATHS[@]}"} --format github
rc=$?
echo "::endgroup::"
strict_note=""
if [ "${TT_STRICT:-false}" = "true" ] && [ "$rc" -eq 0 ]; then
  warnings=$("$TT" validate ${PATHS[@]+"${PATHS[@]}"} --format json 2>/dev/null \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["warnings"])' 2>/dev/null || echo 0)
  if [ "${warnings:-0}" -gt 0 ]; then
    echo "::error title=tt::strict: còn $warnings cảnh báo trong các kế hoạch; sửa hết trước khi gộp (bỏ strict để chỉ lỗi làm job đỏ)."
    rc=1
    strict_note=" (strict: cảnh báo cũng làm job đỏ)"
  fi
fi

# ---------------------------------------------------------------- 2. the full report in the job summary
# GitHub shows at most 10 annotations of each kind per step: the summary has them all.
report="$OUT_DIR/tt-validate.txt"
"$TT" validate ${PATHS[@]+"${PATHS[@]}"} --format text > "$report" 2>&1
f=$(fence "$report")
{
  echo "## tt validate"
  echo
  case $rc in
    0) echo "Không có lỗi trong các kế hoạch." ;;
    1) echo "Kế hoạch còn lỗi${strict_note}: xem chú thích trên các dòng đã sửa (GitHub chỉ hiện 10 chú thích mỗi loại) và báo cáo đầy đủ dưới đây." ;;
    *) echo "Không đọc được một số tệp (mã thoát $rc): xem báo cáo dưới đây." ;;
  esac
  echo
  echo "${f}text"
  cat "$report"
  echo "$f"
  echo
} >> "$SUMMARY"
echo "exit-code=$rc" >> "$OUTPUT"
echo "report=$report" >> "$OUTPUT"

# ---------------------------------------------------------------- 3. SARIF for code scanning
if [ "${TT_SARIF:-false}" = "true" ]; then
  sarif="$OUT_DIR/tt.sarif"
  "$TT" validate ${PATHS[@]+"${PATHS[@]}"} --format sarif > "$sarif" 2> "$OUT_DIR/tt-sarif.err"
  src=$?
  if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if "runs" in d else 1)' "$sarif" 2>/dev/null; then
    echo "sarif=$sarif" >> "$OUTPUT"
  else
    echo "::group::tt validate --format sarif (mã thoát $src)"
    cat "$OUT_DIR/tt-sarif.err"
    echo "::endgroup::"
    echo "::warning title=tt::Không tạo được báo cáo SARIF (tt validate --format sarif, mã thoát $src); bỏ qua bước tải lên code scanning."
    echo "sarif=" >> "$OUTPUT"
  fi
fi

# ---------------------------------------------------------------- 4. the PR comment
# ci/pr-comment.py writes it: what could not be read, the plans' diff (base...head of the pull
# request), the findings a registry or tt.toml change moves; always complete, never an absolute path.
event=${GITHUB_EVENT_NAME:-}
if [ "${TT_COMMENT_DIFF:-true}" = "true" ] && { [ "$event" = "pull_request" ] || [ "$event" = "pull_request_target" ]; }; then
  body="$OUT_DIR/tt-diff-comment.md"
  TT="$TT" TT_OUT_DIR="$OUT_DIR" python3 "$HERE/pr-comment.py"
  crc=$?
  pr=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1], encoding="utf-8"))["pull_request"]["number"])' \
       "${GITHUB_EVENT_PATH:-}" 2>/dev/null || echo "")
  if [ $crc -eq 3 ] || [ -z "$pr" ]; then
    echo "::warning title=tt::Không đọc được pull request (số, commit base, head) từ \$GITHUB_EVENT_PATH; bỏ qua bình luận so sánh kế hoạch."
  elif [ $crc -gt 1 ] || [ ! -s "$body" ]; then
    echo "::warning title=tt::Không tạo được bình luận so sánh kế hoạch (ci/pr-comment.py, mã thoát $crc); xem nhật ký ở trên."
  else
    echo "comment-file=$body" >> "$OUTPUT"
    repo=${GITHUB_REPOSITORY:-}
    if command -v gh >/dev/null 2>&1 && [ -n "${GH_TOKEN:-}" ] && [ -n "$repo" ]; then
      existing=$(gh api --paginate "repos/$repo/issues/$pr/comments" \
        --jq ".[] | select(.body | startswith(\"$MARKER\")) | .id" 2>/dev/null | head -n 1)
      if [ -n "$existing" ]; then
        gh api -X PATCH "repos/$repo/issues/comments/$existing" -F "body=@$body" > /dev/null \
          && echo "tt: đã cập nhật bình luận so sánh kế hoạch trên pull request #$pr." \
          || echo "::warning title=tt::Không cập nhật được bình luận trên pull request #$pr (quyền pull-requests: write?); nội dung ở $body."
      elif [ $crc -eq 1 ]; then
        gh api -X POST "repos/$repo/issues/$pr/comments" -F "body=@$body" > /dev/null \
          && echo "tt: đã đăng bình luận so sánh kế hoạch lên pull request #$pr." \
          || echo "::warning title=tt::Không đăng được bình luận lên pull request #$pr (quyền pull-requests: write?); nội dung ở $body."
      else
        echo "tt: pull request không đổi kế hoạch nào; không đăng bình luận."
      fi
    else
      echo "tt: không có lệnh gh hoặc GH_TOKEN: nội dung bình luận so sánh kế hoạch được ghi vào $body."
    fi
  fi
fi

exit "$rc"
