-- POST /v1/assessment_responses: the answers of an intake assessment with a 5 KiB model (kept exactly as sent,
-- and as jsonb), one row and one outbox event per request; its patient is known already.
local answers = {}
local i = 0
local size = 0
while size < 5 * 1024 do
  local answer = string.format('"question_%03d": {"answer": "answer number %d to the question", "score": %d.5}', i, i, i % 5)
  answers[#answers + 1] = answer
  size = size + #answer + 2
  i = i + 1
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"user_id": "' .. os.getenv("SEED_PATIENT") .. '", "spec_id": "intake_assessment_write",'
    .. ' "spec_name": "Intake Assessment", "spec_version": "7", "title": "Intake",'
    .. ' "model": {' .. table.concat(answers, ", ") .. '}}'
wrk.path = "/v1/assessment_responses"
