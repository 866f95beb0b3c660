-- An assertion without jti is remembered by a digest of itself (ReplayGuard): it may be exchanged only
-- within 5 minutes of its first use, however far ahead its exp is (API.md §1 keeps jti optional, and the
-- reference's PyJWT example sends none).
ALTER TABLE used_assertions ADD COLUMN first_used_at timestamptz NOT NULL DEFAULT now();
