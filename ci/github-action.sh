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
#   GITHUB_*          set by GitHub: EVENT_NAME, EVENT_PATH, REPOSITORY, STEP_SUMMARY, OUTPUT
#
# Exit code: the one of `tt validate` (0 clean, 1 problems in a plan, 2 unreadable input).
set -uo pipefail

TT=${TT:-tt}
OUT_DIR=${TT_OUT_DIR:-${RUNNER_TEMP:-.}}
SUMMARY=${GITHUB_STEP_SUMMARY:-/dev/null}
OUTPUT=${GITHUB_OUTPUT:-/dev/null}
MARKER='<!-- tt-diff -->'
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

# ---------------------------------------------------------------- 4. the plan diff as a PR comment
event=${GITHUB_EVENT_NAME:-}
if [ "${TT_COMMENT_DIFF:-true}" = "true" ] && { [ "$event" = "pull_request" ] || [ "$event" = "pull_request_target" ]; }; then
  read -r base pr < <(python3 - "${GITHUB_EVENT_PATH:-}" <<'PY'
import json, sys
try:
    pr = json.load(open(sys.argv[1], encoding="utf-8"))["pull_request"]
    print(pr["base"]["sha"], pr["number"])
except Exception:
    print("- -")
PY
)
  if [ "$base" = "-" ]; then
    echo "::warning title=tt::Không đọc được commit gốc của pull request từ \$GITHUB_EVENT_PATH; bỏ qua tt diff."
  else
    if ! git cat-file -e "${base}^{commit}" 2>/dev/null; then
      git fetch --no-tags --quiet --depth=1 origin "$base" || true
    fi
    diff_md="$OUT_DIR/tt-diff.md"
    "$TT" diff ${PATHS[@]+"${PATHS[@]}"} --rev "$base" --format markdown > "$diff_md" 2> "$OUT_DIR/tt-diff.err"
    drc=$?
    body="$OUT_DIR/tt-diff-comment.md"
    {
      echo "$MARKER"
      case $drc in
        0) echo "### tt diff"; echo; echo "Pull request này không thay đổi nội dung kế hoạch nào." ;;
        1) cat "$diff_md" ;;
        *) echo "### tt diff"; echo; echo "Không so sánh được các kế hoạch (mã thoát $drc):"; echo
           f=$(fence "$OUT_DIR/tt-diff.err"); echo "${f}text"; cat "$OUT_DIR/tt-diff.err"; echo "$f" ;;
      esac
      echo
      echo "<sub>Cập nhật theo commit ${GITHUB_SHA:-HEAD} bởi tt.</sub>"
    } > "$body"
    [ $drc -eq 1 ] && { cat "$diff_md"; echo; } >> "$SUMMARY"
    echo "comment-file=$body" >> "$OUTPUT"

    repo=${GITHUB_REPOSITORY:-}
    if command -v gh >/dev/null 2>&1 && [ -n "${GH_TOKEN:-}" ] && [ -n "$repo" ]; then
      existing=$(gh api --paginate "repos/$repo/issues/$pr/comments" \
        --jq ".[] | select(.body | startswith(\"$MARKER\")) | .id" 2>/dev/null | head -n 1)
      if [ -n "$existing" ]; then
        gh api -X PATCH "repos/$repo/issues/comments/$existing" -F "body=@$body" > /dev/null \
          && echo "tt: đã cập nhật bình luận so sánh kế hoạch trên pull request #$pr." \
          || echo "::warning title=tt::Không cập nhật được bình luận trên pull request #$pr (quyền pull-requests: write?); nội dung ở $body."
      elif [ $drc -ne 0 ]; then
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
