-- Demo-profile launch options (launch/DemoLaunchOptions), set only when the authorisation server
-- runs with careconnect.auth.demo.* enabled: a simulated error for the app that uses the launch
-- (expired_token, invalid_scope, missing_pkce), and the launcher's shortcuts for demo users
-- (skip_login, skip_consent). signed_in_at is set by a conditional UPDATE when skip_login signs the
-- launch's user in, so a launch id signs someone in at most once.
ALTER TABLE smart_launch ADD COLUMN simulated_error varchar(40) DEFAULT NULL;
ALTER TABLE smart_launch ADD COLUMN skip_login boolean DEFAULT FALSE NOT NULL;
ALTER TABLE smart_launch ADD COLUMN skip_consent boolean DEFAULT FALSE NOT NULL;
ALTER TABLE smart_launch ADD COLUMN signed_in_at bigint DEFAULT NULL;
