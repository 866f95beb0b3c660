-- POST /v1/patients: Create patient (the reference's example), one patient and one outbox event per request.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"phase": "intake", "first_name": "Grace", "last_name": "Hopper", "birthday": "1906-12-09",'
    .. ' "timezone": "US/Eastern", "street": "1 Main St", "city": "New York", "zip_code": "10001", "state": "NY"}'
wrk.path = "/v1/patients"
