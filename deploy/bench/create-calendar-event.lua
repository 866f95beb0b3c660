-- POST /v1/calendar_events: Create calendar event (the reference's timed example) on the seeded calendar for the
-- seeded patient (SEED_CALENDAR, SEED_PATIENT from run): one event and one outbox event per request; the patient is
-- known after the first request, so patients-service is asked once.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"calendar_id": "' .. os.getenv("SEED_CALENDAR") .. '", "user_id": "' .. os.getenv("SEED_PATIENT") .. '",'
    .. ' "start_time": "2018-09-10T18:56:19.357228+00:00", "end_time": "2018-09-10T19:26:19.357540+00:00",'
    .. ' "outcome": null, "modality": "call", "appointment_type": "intake_call"}'
wrk.path = "/v1/calendar_events"
