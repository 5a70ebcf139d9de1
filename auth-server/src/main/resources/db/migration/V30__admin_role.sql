-- The ADMIN role (issue 3, "Users, clients, keys, admin"): a user with admin = TRUE may use the
-- admin API (/api/admin/**) and the admin pages (/admin). Independent of kind (CLINICIAN or
-- PATIENT), which says who the person is in FHIR terms; ADMIN says what they may manage.
ALTER TABLE app_user ADD COLUMN admin boolean DEFAULT FALSE NOT NULL;
