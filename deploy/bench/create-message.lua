-- POST /v1/messages: the record of an outbound message (the reference's example values) in a conversation of
-- its own, one message and one outbox event per request; its patient and worker are known already.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"user_id": "' .. os.getenv("SEED_PATIENT") .. '", "worker_id": "' .. os.getenv("SEED_WORKER") .. '",'
    .. ' "conversation_id": "' .. os.getenv("SEED_WRITE_CONVERSATION") .. '", "direction": "outbound",'
    .. ' "contents": "Hi Developer, Welcome to Welkin Health.", "automatically_sent": false}'
wrk.path = "/v1/messages"
