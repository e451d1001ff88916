-- The application role: the worker, the CLI and the API may connect as a role of their own (ConnectionStrings:Postgres),
-- apart from the role that runs these migrations and owns the schema (ConnectionStrings:PostgresOwner). Every run of
-- the migrations ends with CALL grant_app_role(that role), so what it may do is decided here and re-applied to the
-- tables later migrations add.

-- LOCK ... IN SHARE MODE needs UPDATE, DELETE or TRUNCATE on the table, which the application role must not have on
-- audit_events. The audit horizon (AuditHorizon) takes the lock through this function, which runs as its owner; the
-- lock is held until the caller's transaction ends, like a LOCK of its own.
CREATE FUNCTION audit_events_share_lock() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$ LOCK TABLE public.audit_events IN SHARE MODE $$;

-- A SHARE lock holds back every writer: only the roles granted it may take it.
REVOKE ALL ON FUNCTION audit_events_share_lock() FROM PUBLIC;

-- Read and write every table and read every view, nothing more: the records of what happened (audit_events,
-- trade_history, fills) only take INSERTs, schema_migrations is the owner's, and TRUNCATE, REFERENCES and TRIGGER
-- are never granted. Everything is revoked first, so a privilege granted by hand does not survive the next start.
-- Identity columns draw their values without privileges on their sequences, so none are granted.
-- A superuser, or a role owning tables here, is refused: privileges could not hold it back.
CREATE PROCEDURE grant_app_role(app name)
LANGUAGE plpgsql AS $$
DECLARE
    app_role pg_roles%ROWTYPE;
    relation record;
BEGIN
    -- Never revoke from the owner itself: it owns what it uses and there is nothing to grant.
    IF app = current_user THEN
        RETURN;
    END IF;

    SELECT * INTO app_role FROM pg_roles WHERE rolname = app;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the application role % does not exist', app;
    END IF;
    IF app_role.rolsuper THEN
        RAISE EXCEPTION 'the application role % is a superuser: connect the application as a role without superuser', app;
    END IF;
    IF EXISTS (SELECT FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relowner = app_role.oid) THEN
        RAISE EXCEPTION 'the application role % owns tables of the schema: migrate as their owner and connect the application as another role', app;
    END IF;

    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
    FOR relation IN
        SELECT c.oid::regclass AS name, c.relname, c.relkind
        FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
    LOOP
        EXECUTE format('REVOKE ALL ON %s FROM %I', relation.name, app);
        IF relation.relname = 'schema_migrations' THEN
            CONTINUE;
        ELSIF relation.relkind IN ('r', 'p') THEN
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO %I', relation.name, app);
        ELSE
            EXECUTE format('GRANT SELECT ON %s TO %I', relation.name, app);
        END IF;
    END LOOP;

    EXECUTE format('REVOKE UPDATE, DELETE ON audit_events, trade_history, fills FROM %I', app);
    EXECUTE format('GRANT EXECUTE ON FUNCTION audit_events_share_lock() TO %I', app);
END;
$$;

REVOKE ALL ON PROCEDURE grant_app_role(name) FROM PUBLIC;
