-- AlterEnum
ALTER TYPE "AllocationSource" ADD VALUE 'RELEASED';

-- AlterTable
ALTER TABLE "allocations" ADD COLUMN     "adminFeeCents" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "releasedInRunId" UUID;

-- AlterTable
ALTER TABLE "distribution_runs" ADD COLUMN     "carriedInCents" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "carriedOutCents" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "createdById" UUID,
ADD COLUMN     "disputeHeldCents" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "externalCents" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "paidCents" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "progressLabel" TEXT,
ADD COLUMN     "releasedCents" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "withheldCents" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "payouts" ADD COLUMN     "stripeAccountId" TEXT;

-- AlterTable
ALTER TABLE "statements" ADD COLUMN     "adminFeeCents" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "grossCents" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "heldCents" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "notifiedAt" TIMESTAMP(3),
ADD COLUMN     "payoutBlockedReason" TEXT;

-- AlterTable
ALTER TABLE "usage_reports" ADD COLUMN     "appliedInRunId" UUID;

-- CreateTable
CREATE TABLE "external_payee_shares" (
    "id" BIGSERIAL NOT NULL,
    "runId" UUID NOT NULL,
    "workId" INTEGER NOT NULL,
    "payeeName" TEXT NOT NULL,
    "payeeEmail" TEXT NOT NULL,
    "shareBps" INTEGER NOT NULL,
    "amountCents" BIGINT NOT NULL,

    CONSTRAINT "external_payee_shares_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "external_payee_shares_runId_idx" ON "external_payee_shares"("runId");

-- DropForeignKey (decision 017: a run writes a million allocations from rows it has just joined)
ALTER TABLE "allocations" DROP CONSTRAINT "allocations_workId_fkey";
ALTER TABLE "allocations" DROP CONSTRAINT "allocations_licenseeOrganizationId_fkey";

-- DropIndex (the unique key (runId, workId, …) already serves it)
DROP INDEX "allocations_runId_workId_idx";

-- CreateIndex
CREATE INDEX "allocations_held_idx" ON "allocations"("workId") WHERE ("isHeld" AND "releasedInRunId" IS NULL);

-- AddForeignKey
ALTER TABLE "external_payee_shares" ADD CONSTRAINT "external_payee_shares_runId_fkey" FOREIGN KEY ("runId") REFERENCES "distribution_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Approved runs never change (DOMAIN.md, Distribution runs). Once a run is APPROVED its money is
-- final: the run's figures and every row it owns are refused any change, except the bookkeeping
-- that later steps need (the run's status and payout progress, a held allocation's release into a
-- later run, a statement's "mail sent" time).
CREATE FUNCTION distribution_run_is_final(run uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM distribution_runs WHERE id = run AND status IN ('APPROVED', 'PAYING', 'PAID'))
$$;

CREATE FUNCTION distribution_runs_keep_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('APPROVED', 'PAYING', 'PAID') THEN
    IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'An approved distribution run cannot be deleted.'; END IF;
    IF NEW.status NOT IN ('APPROVED', 'PAYING', 'PAID')
       OR (NEW.quarter, NEW."settingsSnapshot", NEW."recognisedCents", NEW."adminFeeCents", NEW."allocatedCents",
           NEW."heldInCents", NEW."heldOutCents", NEW."disputeHeldCents", NEW."releasedCents", NEW."externalCents",
           NEW."carriedInCents", NEW."paidCents", NEW."withheldCents", NEW."carriedOutCents", NEW."calculatedAt",
           NEW."approvedAt", NEW."approvedById")
          IS DISTINCT FROM
          (OLD.quarter, OLD."settingsSnapshot", OLD."recognisedCents", OLD."adminFeeCents", OLD."allocatedCents",
           OLD."heldInCents", OLD."heldOutCents", OLD."disputeHeldCents", OLD."releasedCents", OLD."externalCents",
           OLD."carriedInCents", OLD."paidCents", OLD."withheldCents", OLD."carriedOutCents", OLD."calculatedAt",
           OLD."approvedAt", OLD."approvedById") THEN
      RAISE EXCEPTION 'An approved distribution run cannot be changed.';
    END IF;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER distribution_runs_keep_final BEFORE UPDATE OR DELETE ON distribution_runs
  FOR EACH ROW EXECUTE FUNCTION distribution_runs_keep_final();

-- Inserts and deletes are checked once per statement (a run writes a million rows at a time), as
-- one semi-join of the run ids against the final runs;
-- updates, which are rare, row by row so that the allowed bookkeeping columns can be told apart.
CREATE FUNCTION distribution_rows_refuse_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM distribution_runs r WHERE r.status IN ('APPROVED', 'PAYING', 'PAID') AND r.id IN (SELECT "runId" FROM new_rows)) THEN
    RAISE EXCEPTION 'The rows of an approved distribution run cannot be changed (%).', TG_TABLE_NAME;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION distribution_rows_refuse_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM distribution_runs r WHERE r.status IN ('APPROVED', 'PAYING', 'PAID') AND r.id IN (SELECT "runId" FROM old_rows)) THEN
    RAISE EXCEPTION 'The rows of an approved distribution run cannot be changed (%).', TG_TABLE_NAME;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION statement_lines_refuse_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM distribution_runs r WHERE r.status IN ('APPROVED', 'PAYING', 'PAID')
             AND r.id IN (SELECT s."runId" FROM statements s WHERE s.id IN (SELECT "statementId" FROM new_rows))) THEN
    RAISE EXCEPTION 'The rows of an approved distribution run cannot be changed (statement_lines).';
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION statement_lines_refuse_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM distribution_runs r WHERE r.status IN ('APPROVED', 'PAYING', 'PAID')
             AND r.id IN (SELECT s."runId" FROM statements s WHERE s.id IN (SELECT "statementId" FROM old_rows))) THEN
    RAISE EXCEPTION 'The rows of an approved distribution run cannot be changed (statement_lines).';
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION distribution_rows_keep_final_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  run uuid;
BEGIN
  IF TG_TABLE_NAME = 'statement_lines' THEN
    SELECT s."runId" INTO run FROM statements s WHERE s.id = OLD."statementId";
  ELSE
    run := OLD."runId";
  END IF;
  IF NOT distribution_run_is_final(run) THEN RETURN NEW; END IF;
  IF TG_TABLE_NAME = 'allocations' AND (to_jsonb(NEW) - 'releasedInRunId') = (to_jsonb(OLD) - 'releasedInRunId') THEN
    RETURN NEW;
  END IF;
  IF TG_TABLE_NAME = 'statements' AND (to_jsonb(NEW) - 'notifiedAt') = (to_jsonb(OLD) - 'notifiedAt') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'The rows of an approved distribution run cannot be changed (%).', TG_TABLE_NAME;
END $$;

CREATE TRIGGER grant_revenues_final_insert AFTER INSERT ON grant_revenues REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION distribution_rows_refuse_new();
CREATE TRIGGER grant_revenues_final_delete AFTER DELETE ON grant_revenues REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION distribution_rows_refuse_old();
CREATE TRIGGER grant_revenues_final_update BEFORE UPDATE ON grant_revenues
  FOR EACH ROW EXECUTE FUNCTION distribution_rows_keep_final_on_update();

CREATE TRIGGER allocations_final_insert AFTER INSERT ON allocations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION distribution_rows_refuse_new();
CREATE TRIGGER allocations_final_delete AFTER DELETE ON allocations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION distribution_rows_refuse_old();
CREATE TRIGGER allocations_final_update BEFORE UPDATE ON allocations
  FOR EACH ROW EXECUTE FUNCTION distribution_rows_keep_final_on_update();

CREATE TRIGGER statements_final_insert AFTER INSERT ON statements REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION distribution_rows_refuse_new();
CREATE TRIGGER statements_final_delete AFTER DELETE ON statements REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION distribution_rows_refuse_old();
CREATE TRIGGER statements_final_update BEFORE UPDATE ON statements
  FOR EACH ROW EXECUTE FUNCTION distribution_rows_keep_final_on_update();

CREATE TRIGGER carried_balances_final_insert AFTER INSERT ON carried_balances REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION distribution_rows_refuse_new();
CREATE TRIGGER carried_balances_final_delete AFTER DELETE ON carried_balances REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION distribution_rows_refuse_old();
CREATE TRIGGER carried_balances_final_update BEFORE UPDATE ON carried_balances
  FOR EACH ROW EXECUTE FUNCTION distribution_rows_keep_final_on_update();

CREATE TRIGGER external_payee_shares_final_insert AFTER INSERT ON external_payee_shares REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION distribution_rows_refuse_new();
CREATE TRIGGER external_payee_shares_final_delete AFTER DELETE ON external_payee_shares REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION distribution_rows_refuse_old();
CREATE TRIGGER external_payee_shares_final_update BEFORE UPDATE ON external_payee_shares
  FOR EACH ROW EXECUTE FUNCTION distribution_rows_keep_final_on_update();

CREATE TRIGGER statement_lines_final_insert AFTER INSERT ON statement_lines REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statement_lines_refuse_new();
CREATE TRIGGER statement_lines_final_delete AFTER DELETE ON statement_lines REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statement_lines_refuse_old();
CREATE TRIGGER statement_lines_final_update BEFORE UPDATE ON statement_lines
  FOR EACH ROW EXECUTE FUNCTION distribution_rows_keep_final_on_update();
