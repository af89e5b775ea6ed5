-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('ADMIN', 'ANALYST');

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('LICENSEE', 'RIGHTSHOLDER');

-- CreateEnum
CREATE TYPE "MembershipRole" AS ENUM ('OWNER', 'MEMBER');

-- CreateEnum
CREATE TYPE "RightsholderStatus" AS ENUM ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "TaxFormType" AS ENUM ('W9', 'W8BEN', 'W8BEN_E', 'OTHER');

-- CreateEnum
CREATE TYPE "WorkType" AS ENUM ('BOOK', 'JOURNAL', 'JOURNAL_ARTICLE', 'NEWS', 'OTHER');

-- CreateEnum
CREATE TYPE "WorkStatus" AS ENUM ('ENROLLED', 'SUSPENDED', 'MERGED');

-- CreateEnum
CREATE TYPE "Purpose" AS ENUM ('TRAIN', 'FINE_TUNE', 'RAG');

-- CreateEnum
CREATE TYPE "IdentifierType" AS ENUM ('ISBN13', 'ISSN', 'DOI', 'URL');

-- CreateEnum
CREATE TYPE "DisputeStatus" AS ENUM ('OPEN', 'RESOLVED_ASSIGNED', 'RESOLVED_CO_OWNERS', 'REJECTED');

-- CreateEnum
CREATE TYPE "DisputeOrigin" AS ENUM ('ENROLLMENT', 'STATEMENT_LINE');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('UPLOADING', 'QUEUED', 'PROCESSING', 'COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "ImportFormat" AS ENUM ('CSV', 'ONIX');

-- CreateEnum
CREATE TYPE "IndustryGroup" AS ENUM ('TECHNOLOGY', 'FINANCIAL_SERVICES', 'HEALTHCARE_LIFE_SCIENCES', 'MEDIA_PUBLISHING', 'PROFESSIONAL_SERVICES', 'EDUCATION_RESEARCH', 'GOVERNMENT_NONPROFIT', 'OTHER');

-- CreateEnum
CREATE TYPE "GrantStatus" AS ENUM ('PENDING_PAYMENT', 'ACTIVE', 'EXPIRED', 'CANCELLED', 'REVOKED');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "UsageReportStatus" AS ENUM ('RECEIVED', 'PROCESSING', 'PROCESSED', 'FAILED', 'REPLACED');

-- CreateEnum
CREATE TYPE "UsageReportSource" AS ENUM ('FILE', 'API');

-- CreateEnum
CREATE TYPE "MatchStatus" AS ENUM ('PENDING', 'MATCHED', 'UNMATCHED', 'AMBIGUOUS', 'REJECTED');

-- CreateEnum
CREATE TYPE "MatchMethod" AS ENUM ('IDENTIFIER', 'TITLE_YEAR', 'STAFF', 'REMEMBERED');

-- CreateEnum
CREATE TYPE "Eligibility" AS ENUM ('PENDING', 'ELIGIBLE', 'INELIGIBLE');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('PENDING', 'CALCULATING', 'CALCULATED', 'APPROVED', 'PAYING', 'PAID', 'FAILED');

-- CreateEnum
CREATE TYPE "AllocationSource" AS ENUM ('LICENSEE', 'GENERAL_POOL');

-- CreateEnum
CREATE TYPE "PayoutStatus" AS ENUM ('PENDING', 'SUBMITTED', 'PAID', 'FAILED');

-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED', 'CAPTURED');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "staffRole" "StaffRole",
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organizations" (
    "id" UUID NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "suspendedAt" TIMESTAMP(3),
    "suspendReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "role" "MembershipRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitations" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "MembershipRole" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" UUID NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "password_reset_tokens" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "password_reset_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_throttles" (
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" TIMESTAMP(3),
    "blockedUntil" TIMESTAMP(3),

    CONSTRAINT "login_throttles_pkey" PRIMARY KEY ("email","ip")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rightsholder_profiles" (
    "organizationId" UUID NOT NULL,
    "legalName" TEXT,
    "country" TEXT,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "status" "RightsholderStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMP(3),
    "approvedAt" TIMESTAMP(3),
    "approvedById" UUID,
    "rejectionReason" TEXT,
    "stripeAccountId" TEXT,
    "payoutsEnabled" BOOLEAN NOT NULL DEFAULT false,
    "taxFormType" "TaxFormType",
    "taxFormSignedOn" DATE,
    "taxFormValid" BOOLEAN NOT NULL DEFAULT false,
    "isTaxDomestic" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "rightsholder_profiles_pkey" PRIMARY KEY ("organizationId")
);

-- CreateTable
CREATE TABLE "participation_agreements" (
    "id" UUID NOT NULL,
    "version" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "participation_agreements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreement_acceptances" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "acceptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT,

    CONSTRAINT "agreement_acceptances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "works" (
    "id" SERIAL NOT NULL,
    "rightsholderId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "normalizedTitle" TEXT NOT NULL,
    "contributors" TEXT[],
    "type" "WorkType" NOT NULL,
    "language" TEXT,
    "publicationYear" INTEGER,
    "publisher" TEXT,
    "purposes" "Purpose"[] DEFAULT ARRAY['TRAIN', 'FINE_TUNE', 'RAG']::"Purpose"[],
    "excludedFrom" DATE,
    "status" "WorkStatus" NOT NULL DEFAULT 'ENROLLED',
    "suspendReason" TEXT,
    "mergedIntoId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "works_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_identifiers" (
    "id" SERIAL NOT NULL,
    "workId" INTEGER NOT NULL,
    "type" "IdentifierType" NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "work_identifiers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_co_owners" (
    "id" SERIAL NOT NULL,
    "workId" INTEGER NOT NULL,
    "organizationId" UUID,
    "externalPayeeName" TEXT,
    "externalPayeeEmail" TEXT,
    "shareBps" INTEGER NOT NULL,

    CONSTRAINT "work_co_owners_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disputes" (
    "id" UUID NOT NULL,
    "origin" "DisputeOrigin" NOT NULL,
    "workId" INTEGER NOT NULL,
    "identifierType" "IdentifierType",
    "identifierValue" TEXT,
    "claimantOrgId" UUID NOT NULL,
    "claimantWorkId" INTEGER,
    "statementLineId" BIGINT,
    "reason" TEXT NOT NULL,
    "status" "DisputeStatus" NOT NULL DEFAULT 'OPEN',
    "resolution" TEXT,
    "resolvedById" UUID,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "disputes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "works_imports" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "format" "ImportFormat" NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "storagePath" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'UPLOADING',
    "totalRows" INTEGER,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "createdCount" INTEGER NOT NULL DEFAULT 0,
    "updatedCount" INTEGER NOT NULL DEFAULT 0,
    "unchangedCount" INTEGER NOT NULL DEFAULT 0,
    "rejectedCount" INTEGER NOT NULL DEFAULT 0,
    "errorMessage" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "works_imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_errors" (
    "id" BIGSERIAL NOT NULL,
    "importId" UUID NOT NULL,
    "lineNumber" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "rawLine" TEXT,

    CONSTRAINT "import_errors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "licensee_profiles" (
    "organizationId" UUID NOT NULL,
    "legalName" TEXT,
    "country" TEXT,
    "industryGroup" "IndustryGroup",
    "employeeCount" INTEGER,
    "aiSystemsDescription" TEXT,
    "lawfulContentAttestedAt" TIMESTAMP(3),
    "attestedById" UUID,
    "stripeCustomerId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "licensee_profiles_pkey" PRIMARY KEY ("organizationId")
);

-- CreateTable
CREATE TABLE "plans" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "termMonths" INTEGER NOT NULL DEFAULT 12,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "price_schedules" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "smallOrgMaxEmployees" INTEGER NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "price_schedules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "price_bands" (
    "id" UUID NOT NULL,
    "scheduleId" UUID NOT NULL,
    "maxEmployees" INTEGER NOT NULL,
    "feeCents" BIGINT NOT NULL,

    CONSTRAINT "price_bands_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "industry_rates" (
    "id" UUID NOT NULL,
    "scheduleId" UUID NOT NULL,
    "industryGroup" "IndustryGroup" NOT NULL,
    "perEmployeeCents" BIGINT NOT NULL,

    CONSTRAINT "industry_rates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "country_factors" (
    "id" UUID NOT NULL,
    "scheduleId" UUID NOT NULL,
    "country" TEXT NOT NULL,
    "factorBps" INTEGER NOT NULL,

    CONSTRAINT "country_factors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "license_grants" (
    "id" UUID NOT NULL,
    "licenseNumber" TEXT NOT NULL,
    "verificationCode" TEXT NOT NULL,
    "organizationId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "priceScheduleId" UUID NOT NULL,
    "status" "GrantStatus" NOT NULL DEFAULT 'PENDING_PAYMENT',
    "feeCents" BIGINT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "quotedEmployeeCount" INTEGER NOT NULL,
    "quotedIndustryGroup" "IndustryGroup" NOT NULL,
    "quotedCountry" TEXT NOT NULL,
    "startsOn" DATE,
    "endsOn" DATE,
    "termDays" INTEGER,
    "previousGrantId" UUID,
    "autoRenew" BOOLEAN NOT NULL DEFAULT false,
    "stripeCheckoutSessionId" TEXT,
    "stripeSubscriptionId" TEXT,
    "reminder30SentAt" TIMESTAMP(3),
    "reminder7SentAt" TIMESTAMP(3),
    "activatedAt" TIMESTAMP(3),
    "expiredAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "statusReason" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "license_grants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payments" (
    "id" UUID NOT NULL,
    "grantId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "status" "PaymentStatus" NOT NULL DEFAULT 'PENDING',
    "stripePaymentIntentId" TEXT,
    "stripeInvoiceId" TEXT,
    "stripeChargeId" TEXT,
    "isManual" BOOLEAN NOT NULL DEFAULT false,
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refunds" (
    "id" UUID NOT NULL,
    "paymentId" UUID NOT NULL,
    "grantId" UUID NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "effectiveOn" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "stripeRefundId" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refunds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stripe_events" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "stripe_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_reports" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "quarter" TEXT NOT NULL,
    "source" "UsageReportSource" NOT NULL,
    "status" "UsageReportStatus" NOT NULL DEFAULT 'RECEIVED',
    "fileName" TEXT,
    "storagePath" TEXT,
    "isAdjustment" BOOLEAN NOT NULL DEFAULT false,
    "replacedById" UUID,
    "totalLines" INTEGER NOT NULL DEFAULT 0,
    "acceptedLines" INTEGER NOT NULL DEFAULT 0,
    "rejectedLines" INTEGER NOT NULL DEFAULT 0,
    "processedLines" INTEGER NOT NULL DEFAULT 0,
    "lockedAt" TIMESTAMP(3),
    "submittedById" UUID,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "usage_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_lines" (
    "id" BIGSERIAL NOT NULL,
    "reportId" UUID NOT NULL,
    "lineNumber" INTEGER NOT NULL,
    "rawIdentifier" TEXT,
    "rawTitle" TEXT,
    "rawYear" INTEGER,
    "purpose" "Purpose" NOT NULL,
    "units" BIGINT NOT NULL,
    "identifierType" "IdentifierType",
    "normalizedIdentifier" TEXT,
    "normalizedTitle" TEXT,
    "matchStatus" "MatchStatus" NOT NULL DEFAULT 'PENDING',
    "matchMethod" "MatchMethod",
    "workId" INTEGER,
    "eligibility" "Eligibility" NOT NULL DEFAULT 'PENDING',
    "ineligibleReason" TEXT,
    "mergedLineCount" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "usage_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_line_errors" (
    "id" BIGSERIAL NOT NULL,
    "reportId" UUID NOT NULL,
    "lineNumber" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "rawLine" TEXT,

    CONSTRAINT "usage_line_errors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "match_decisions" (
    "id" UUID NOT NULL,
    "rawKey" TEXT NOT NULL,
    "workId" INTEGER,
    "isRejected" BOOLEAN NOT NULL DEFAULT false,
    "decidedById" UUID NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "match_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "distribution_runs" (
    "id" UUID NOT NULL,
    "quarter" TEXT NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'PENDING',
    "settingsSnapshot" JSONB,
    "recognisedCents" BIGINT NOT NULL DEFAULT 0,
    "adminFeeCents" BIGINT NOT NULL DEFAULT 0,
    "allocatedCents" BIGINT NOT NULL DEFAULT 0,
    "heldInCents" BIGINT NOT NULL DEFAULT 0,
    "heldOutCents" BIGINT NOT NULL DEFAULT 0,
    "progressDone" INTEGER NOT NULL DEFAULT 0,
    "progressTotal" INTEGER NOT NULL DEFAULT 0,
    "calculatedAt" TIMESTAMP(3),
    "approvedAt" TIMESTAMP(3),
    "approvedById" UUID,
    "paidAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "distribution_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "grant_revenues" (
    "id" BIGSERIAL NOT NULL,
    "runId" UUID NOT NULL,
    "grantId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "recognisedCents" BIGINT NOT NULL,
    "adminFeeCents" BIGINT NOT NULL,
    "netCents" BIGINT NOT NULL,
    "toGeneralPool" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "grant_revenues_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "allocations" (
    "id" BIGSERIAL NOT NULL,
    "runId" UUID NOT NULL,
    "workId" INTEGER NOT NULL,
    "licenseeOrganizationId" UUID,
    "source" "AllocationSource" NOT NULL,
    "units" BIGINT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "isHeld" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "allocations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statements" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "rightsholderId" UUID NOT NULL,
    "carriedInCents" BIGINT NOT NULL,
    "allocatedCents" BIGINT NOT NULL,
    "withheldCents" BIGINT NOT NULL,
    "paidCents" BIGINT NOT NULL,
    "carriedOutCents" BIGINT NOT NULL,
    "thresholdCents" BIGINT NOT NULL,
    "withholdingBps" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "statements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement_lines" (
    "id" BIGSERIAL NOT NULL,
    "statementId" UUID NOT NULL,
    "workId" INTEGER NOT NULL,
    "identifier" TEXT,
    "title" TEXT NOT NULL,
    "licenseesCounted" INTEGER NOT NULL,
    "units" BIGINT NOT NULL,
    "grossCents" BIGINT NOT NULL,
    "adminFeeShareCents" BIGINT NOT NULL,
    "withholdingCents" BIGINT NOT NULL,
    "netCents" BIGINT NOT NULL,
    "shareBps" INTEGER NOT NULL DEFAULT 10000,

    CONSTRAINT "statement_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payouts" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "statementId" UUID NOT NULL,
    "rightsholderId" UUID NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "idempotencyKey" TEXT NOT NULL,
    "status" "PayoutStatus" NOT NULL DEFAULT 'PENDING',
    "stripeTransferId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payouts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "carried_balances" (
    "id" BIGSERIAL NOT NULL,
    "runId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "amountCents" BIGINT NOT NULL,

    CONSTRAINT "carried_balances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" UUID,
    "actorKind" TEXT NOT NULL,
    "organizationId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "reason" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mail_messages" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "template" TEXT NOT NULL,
    "status" "MailStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mail_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "href" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "jobs" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "singletonKey" TEXT,
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "lockedBy" TEXT,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "progress" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_schedules" (
    "name" TEXT NOT NULL,
    "cron" TEXT NOT NULL,
    "lastRunAt" TIMESTAMP(3),
    "nextRunAt" TIMESTAMP(3) NOT NULL,
    "isEnabled" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "job_schedules_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "organizations_kind_name_idx" ON "organizations"("kind", "name");

-- CreateIndex
CREATE INDEX "memberships_organizationId_idx" ON "memberships"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "memberships_userId_organizationId_key" ON "memberships"("userId", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "invitations_tokenHash_key" ON "invitations"("tokenHash");

-- CreateIndex
CREATE INDEX "invitations_organizationId_email_idx" ON "invitations"("organizationId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "password_reset_tokens_tokenHash_key" ON "password_reset_tokens"("tokenHash");

-- CreateIndex
CREATE INDEX "password_reset_tokens_userId_idx" ON "password_reset_tokens"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_keyHash_key" ON "api_keys"("keyHash");

-- CreateIndex
CREATE INDEX "api_keys_organizationId_idx" ON "api_keys"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "rightsholder_profiles_stripeAccountId_key" ON "rightsholder_profiles"("stripeAccountId");

-- CreateIndex
CREATE INDEX "rightsholder_profiles_status_idx" ON "rightsholder_profiles"("status");

-- CreateIndex
CREATE UNIQUE INDEX "participation_agreements_version_key" ON "participation_agreements"("version");

-- CreateIndex
CREATE UNIQUE INDEX "agreement_acceptances_organizationId_agreementId_key" ON "agreement_acceptances"("organizationId", "agreementId");

-- CreateIndex
CREATE INDEX "works_rightsholderId_id_idx" ON "works"("rightsholderId", "id");

-- CreateIndex
CREATE INDEX "works_normalizedTitle_publicationYear_idx" ON "works"("normalizedTitle", "publicationYear");

-- CreateIndex
CREATE INDEX "work_identifiers_workId_idx" ON "work_identifiers"("workId");

-- CreateIndex
CREATE UNIQUE INDEX "work_identifiers_type_value_key" ON "work_identifiers"("type", "value");

-- CreateIndex
CREATE INDEX "work_co_owners_organizationId_idx" ON "work_co_owners"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "work_co_owners_workId_organizationId_key" ON "work_co_owners"("workId", "organizationId");

-- CreateIndex
CREATE INDEX "disputes_status_openedAt_idx" ON "disputes"("status", "openedAt");

-- CreateIndex
CREATE INDEX "disputes_workId_status_idx" ON "disputes"("workId", "status");

-- CreateIndex
CREATE INDEX "disputes_claimantOrgId_idx" ON "disputes"("claimantOrgId");

-- CreateIndex
CREATE INDEX "works_imports_organizationId_createdAt_idx" ON "works_imports"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "import_errors_importId_lineNumber_reason_key" ON "import_errors"("importId", "lineNumber", "reason");

-- CreateIndex
CREATE UNIQUE INDEX "licensee_profiles_stripeCustomerId_key" ON "licensee_profiles"("stripeCustomerId");

-- CreateIndex
CREATE UNIQUE INDEX "plans_code_key" ON "plans"("code");

-- CreateIndex
CREATE UNIQUE INDEX "price_schedules_planId_effectiveFrom_key" ON "price_schedules"("planId", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "price_bands_scheduleId_maxEmployees_key" ON "price_bands"("scheduleId", "maxEmployees");

-- CreateIndex
CREATE UNIQUE INDEX "industry_rates_scheduleId_industryGroup_key" ON "industry_rates"("scheduleId", "industryGroup");

-- CreateIndex
CREATE UNIQUE INDEX "country_factors_scheduleId_country_key" ON "country_factors"("scheduleId", "country");

-- CreateIndex
CREATE UNIQUE INDEX "license_grants_licenseNumber_key" ON "license_grants"("licenseNumber");

-- CreateIndex
CREATE UNIQUE INDEX "license_grants_verificationCode_key" ON "license_grants"("verificationCode");

-- CreateIndex
CREATE UNIQUE INDEX "license_grants_previousGrantId_key" ON "license_grants"("previousGrantId");

-- CreateIndex
CREATE UNIQUE INDEX "license_grants_stripeCheckoutSessionId_key" ON "license_grants"("stripeCheckoutSessionId");

-- CreateIndex
CREATE INDEX "license_grants_organizationId_status_idx" ON "license_grants"("organizationId", "status");

-- CreateIndex
CREATE INDEX "license_grants_status_endsOn_idx" ON "license_grants"("status", "endsOn");

-- CreateIndex
CREATE UNIQUE INDEX "payments_stripePaymentIntentId_key" ON "payments"("stripePaymentIntentId");

-- CreateIndex
CREATE UNIQUE INDEX "payments_stripeInvoiceId_key" ON "payments"("stripeInvoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "payments_stripeChargeId_key" ON "payments"("stripeChargeId");

-- CreateIndex
CREATE INDEX "payments_grantId_idx" ON "payments"("grantId");

-- CreateIndex
CREATE INDEX "payments_organizationId_createdAt_idx" ON "payments"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "refunds_stripeRefundId_key" ON "refunds"("stripeRefundId");

-- CreateIndex
CREATE INDEX "refunds_grantId_idx" ON "refunds"("grantId");

-- CreateIndex
CREATE UNIQUE INDEX "usage_reports_replacedById_key" ON "usage_reports"("replacedById");

-- CreateIndex
CREATE INDEX "usage_reports_organizationId_quarter_idx" ON "usage_reports"("organizationId", "quarter");

-- CreateIndex
CREATE INDEX "usage_reports_quarter_status_idx" ON "usage_reports"("quarter", "status");

-- CreateIndex
CREATE UNIQUE INDEX "usage_reports_current_key" ON "usage_reports"("organizationId", "quarter") WHERE (status <> 'REPLACED' AND NOT "isAdjustment");

-- CreateIndex
CREATE INDEX "usage_lines_workId_idx" ON "usage_lines"("workId");

-- CreateIndex
CREATE INDEX "usage_lines_matchStatus_idx" ON "usage_lines"("matchStatus");

-- CreateIndex
CREATE INDEX "usage_lines_normalizedIdentifier_idx" ON "usage_lines"("normalizedIdentifier");

-- CreateIndex
CREATE UNIQUE INDEX "usage_lines_reportId_lineNumber_key" ON "usage_lines"("reportId", "lineNumber");

-- CreateIndex
CREATE INDEX "usage_line_errors_reportId_lineNumber_idx" ON "usage_line_errors"("reportId", "lineNumber");

-- CreateIndex
CREATE UNIQUE INDEX "match_decisions_rawKey_key" ON "match_decisions"("rawKey");

-- CreateIndex
CREATE UNIQUE INDEX "distribution_runs_quarter_key" ON "distribution_runs"("quarter");

-- CreateIndex
CREATE UNIQUE INDEX "grant_revenues_runId_grantId_key" ON "grant_revenues"("runId", "grantId");

-- CreateIndex
CREATE INDEX "allocations_runId_workId_idx" ON "allocations"("runId", "workId");

-- CreateIndex
CREATE UNIQUE INDEX "allocations_runId_workId_licenseeOrganizationId_source_key" ON "allocations"("runId", "workId", "licenseeOrganizationId", "source");

-- CreateIndex
CREATE INDEX "statements_rightsholderId_idx" ON "statements"("rightsholderId");

-- CreateIndex
CREATE UNIQUE INDEX "statements_runId_rightsholderId_key" ON "statements"("runId", "rightsholderId");

-- CreateIndex
CREATE UNIQUE INDEX "statement_lines_statementId_workId_key" ON "statement_lines"("statementId", "workId");

-- CreateIndex
CREATE UNIQUE INDEX "payouts_statementId_key" ON "payouts"("statementId");

-- CreateIndex
CREATE UNIQUE INDEX "payouts_idempotencyKey_key" ON "payouts"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "payouts_stripeTransferId_key" ON "payouts"("stripeTransferId");

-- CreateIndex
CREATE INDEX "payouts_runId_status_idx" ON "payouts"("runId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "carried_balances_organizationId_runId_key" ON "carried_balances"("organizationId", "runId");

-- CreateIndex
CREATE INDEX "audit_logs_entityType_entityId_at_idx" ON "audit_logs"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "audit_logs_organizationId_at_idx" ON "audit_logs"("organizationId", "at");

-- CreateIndex
CREATE INDEX "audit_logs_actorUserId_at_idx" ON "audit_logs"("actorUserId", "at");

-- CreateIndex
CREATE INDEX "audit_logs_at_idx" ON "audit_logs"("at");

-- CreateIndex
CREATE UNIQUE INDEX "settings_key_effectiveFrom_key" ON "settings"("key", "effectiveFrom");

-- CreateIndex
CREATE INDEX "mail_messages_to_createdAt_idx" ON "mail_messages"("to", "createdAt");

-- CreateIndex
CREATE INDEX "mail_messages_status_createdAt_idx" ON "mail_messages"("status", "createdAt");

-- CreateIndex
CREATE INDEX "notifications_userId_readAt_createdAt_idx" ON "notifications"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "jobs_status_runAt_idx" ON "jobs"("status", "runAt");

-- CreateIndex
CREATE INDEX "jobs_name_createdAt_idx" ON "jobs"("name", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "jobs_singleton_active_key" ON "jobs"("singletonKey") WHERE ("singletonKey" IS NOT NULL AND (status = 'QUEUED' OR status = 'RUNNING'));

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rightsholder_profiles" ADD CONSTRAINT "rightsholder_profiles_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_acceptances" ADD CONSTRAINT "agreement_acceptances_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_acceptances" ADD CONSTRAINT "agreement_acceptances_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "participation_agreements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "works" ADD CONSTRAINT "works_rightsholderId_fkey" FOREIGN KEY ("rightsholderId") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "works" ADD CONSTRAINT "works_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "works"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_identifiers" ADD CONSTRAINT "work_identifiers_workId_fkey" FOREIGN KEY ("workId") REFERENCES "works"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_co_owners" ADD CONSTRAINT "work_co_owners_workId_fkey" FOREIGN KEY ("workId") REFERENCES "works"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_co_owners" ADD CONSTRAINT "work_co_owners_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_workId_fkey" FOREIGN KEY ("workId") REFERENCES "works"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_claimantOrgId_fkey" FOREIGN KEY ("claimantOrgId") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_claimantWorkId_fkey" FOREIGN KEY ("claimantWorkId") REFERENCES "works"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_statementLineId_fkey" FOREIGN KEY ("statementLineId") REFERENCES "statement_lines"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "works_imports" ADD CONSTRAINT "works_imports_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_errors" ADD CONSTRAINT "import_errors_importId_fkey" FOREIGN KEY ("importId") REFERENCES "works_imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "licensee_profiles" ADD CONSTRAINT "licensee_profiles_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "price_schedules" ADD CONSTRAINT "price_schedules_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "price_bands" ADD CONSTRAINT "price_bands_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "price_schedules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "industry_rates" ADD CONSTRAINT "industry_rates_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "price_schedules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "country_factors" ADD CONSTRAINT "country_factors_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "price_schedules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "license_grants" ADD CONSTRAINT "license_grants_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "license_grants" ADD CONSTRAINT "license_grants_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "license_grants" ADD CONSTRAINT "license_grants_priceScheduleId_fkey" FOREIGN KEY ("priceScheduleId") REFERENCES "price_schedules"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "license_grants" ADD CONSTRAINT "license_grants_previousGrantId_fkey" FOREIGN KEY ("previousGrantId") REFERENCES "license_grants"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "license_grants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "license_grants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_reports" ADD CONSTRAINT "usage_reports_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_reports" ADD CONSTRAINT "usage_reports_replacedById_fkey" FOREIGN KEY ("replacedById") REFERENCES "usage_reports"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_lines" ADD CONSTRAINT "usage_lines_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "usage_reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_lines" ADD CONSTRAINT "usage_lines_workId_fkey" FOREIGN KEY ("workId") REFERENCES "works"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_line_errors" ADD CONSTRAINT "usage_line_errors_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "usage_reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "match_decisions" ADD CONSTRAINT "match_decisions_workId_fkey" FOREIGN KEY ("workId") REFERENCES "works"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grant_revenues" ADD CONSTRAINT "grant_revenues_runId_fkey" FOREIGN KEY ("runId") REFERENCES "distribution_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grant_revenues" ADD CONSTRAINT "grant_revenues_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "license_grants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grant_revenues" ADD CONSTRAINT "grant_revenues_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_runId_fkey" FOREIGN KEY ("runId") REFERENCES "distribution_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_workId_fkey" FOREIGN KEY ("workId") REFERENCES "works"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_licenseeOrganizationId_fkey" FOREIGN KEY ("licenseeOrganizationId") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statements" ADD CONSTRAINT "statements_runId_fkey" FOREIGN KEY ("runId") REFERENCES "distribution_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statements" ADD CONSTRAINT "statements_rightsholderId_fkey" FOREIGN KEY ("rightsholderId") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_lines" ADD CONSTRAINT "statement_lines_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "statements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_runId_fkey" FOREIGN KEY ("runId") REFERENCES "distribution_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "statements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_rightsholderId_fkey" FOREIGN KEY ("rightsholderId") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "carried_balances" ADD CONSTRAINT "carried_balances_runId_fkey" FOREIGN KEY ("runId") REFERENCES "distribution_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "carried_balances" ADD CONSTRAINT "carried_balances_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─────────────────────────────────────────────────────────────────────────────
-- Written by hand: the rules Prisma's schema cannot express. Prisma does not model check
-- constraints, functions or triggers, so they cause no drift in `npm run db:check`.
-- ─────────────────────────────────────────────────────────────────────────────

-- Accounts
ALTER TABLE "users" ADD CONSTRAINT "users_email_lower_check" CHECK ("email" = lower("email") AND "email" <> '');
ALTER TABLE "users" ADD CONSTRAINT "users_session_version_check" CHECK ("sessionVersion" >= 1);
ALTER TABLE "login_throttles" ADD CONSTRAINT "login_throttles_failures_check" CHECK ("consecutiveFailures" >= 0);
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_scopes_check" CHECK (cardinality("scopes") > 0);
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_email_lower_check" CHECK ("email" = lower("email"));

-- Works and identifiers: normalised forms only (the application normalises and verifies check digits).
ALTER TABLE "works" ADD CONSTRAINT "works_publication_year_check" CHECK ("publicationYear" IS NULL OR "publicationYear" BETWEEN 1400 AND 2100);
ALTER TABLE "works" ADD CONSTRAINT "works_title_check" CHECK (length(trim("title")) > 0);
ALTER TABLE "works" ADD CONSTRAINT "works_purposes_check" CHECK (cardinality("purposes") > 0);
ALTER TABLE "works" ADD CONSTRAINT "works_not_merged_into_self_check" CHECK ("mergedIntoId" IS NULL OR "mergedIntoId" <> "id");
ALTER TABLE "work_identifiers" ADD CONSTRAINT "work_identifiers_format_check" CHECK (
  CASE "type"
    WHEN 'ISBN13' THEN "value" ~ '^97[89][0-9]{10}$'
    WHEN 'ISSN' THEN "value" ~ '^[0-9]{7}[0-9X]$'
    WHEN 'DOI' THEN "value" ~ '^10\.[0-9]{4,9}/\S+$' AND "value" = lower("value")
    WHEN 'URL' THEN "value" ~ '^https?://\S+$'
  END
);
ALTER TABLE "work_co_owners" ADD CONSTRAINT "work_co_owners_share_check" CHECK ("shareBps" BETWEEN 1 AND 10000);
ALTER TABLE "work_co_owners" ADD CONSTRAINT "work_co_owners_payee_check" CHECK (("organizationId" IS NULL) <> ("externalPayeeName" IS NULL));

-- Licences and money (integer cents, never negative; payments and refunds strictly positive)
ALTER TABLE "price_bands" ADD CONSTRAINT "price_bands_check" CHECK ("feeCents" >= 0 AND "maxEmployees" > 0);
ALTER TABLE "industry_rates" ADD CONSTRAINT "industry_rates_check" CHECK ("perEmployeeCents" >= 0);
ALTER TABLE "country_factors" ADD CONSTRAINT "country_factors_check" CHECK ("factorBps" > 0 AND ("country" = '*' OR "country" ~ '^[A-Z]{2}$'));
ALTER TABLE "price_schedules" ADD CONSTRAINT "price_schedules_check" CHECK ("smallOrgMaxEmployees" >= 0 AND "currency" ~ '^[A-Z]{3}$');
ALTER TABLE "plans" ADD CONSTRAINT "plans_term_check" CHECK ("termMonths" > 0);
ALTER TABLE "license_grants" ADD CONSTRAINT "license_grants_fee_check" CHECK ("feeCents" >= 0 AND "quotedEmployeeCount" > 0);
ALTER TABLE "license_grants" ADD CONSTRAINT "license_grants_term_check" CHECK ("startsOn" IS NULL OR "endsOn" IS NULL OR "endsOn" > "startsOn");
ALTER TABLE "license_grants" ADD CONSTRAINT "license_grants_dated_check" CHECK ("status" NOT IN ('ACTIVE', 'EXPIRED') OR ("startsOn" IS NOT NULL AND "endsOn" IS NOT NULL AND "termDays" > 0));
ALTER TABLE "license_grants" ADD CONSTRAINT "license_grants_not_own_renewal_check" CHECK ("previousGrantId" IS NULL OR "previousGrantId" <> "id");
ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_check" CHECK ("amountCents" > 0);
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_amount_check" CHECK ("amountCents" > 0);

-- Usage
ALTER TABLE "usage_reports" ADD CONSTRAINT "usage_reports_quarter_check" CHECK ("quarter" ~ '^[0-9]{4}Q[1-4]$');
ALTER TABLE "usage_reports" ADD CONSTRAINT "usage_reports_counts_check" CHECK ("totalLines" >= 0 AND "acceptedLines" >= 0 AND "rejectedLines" >= 0 AND "processedLines" >= 0);
ALTER TABLE "usage_lines" ADD CONSTRAINT "usage_lines_units_check" CHECK ("units" > 0 AND "lineNumber" > 0 AND "mergedLineCount" >= 1);
ALTER TABLE "usage_lines" ADD CONSTRAINT "usage_lines_matched_work_check" CHECK ("matchStatus" <> 'MATCHED' OR "workId" IS NOT NULL);
ALTER TABLE "match_decisions" ADD CONSTRAINT "match_decisions_outcome_check" CHECK ("isRejected" <> ("workId" IS NOT NULL));

-- Distribution: amounts never negative; the per-rightsholder invariant of DOMAIN.md holds per row:
-- carried in + allocated = paid + withheld + carried out.
ALTER TABLE "distribution_runs" ADD CONSTRAINT "distribution_runs_quarter_check" CHECK ("quarter" ~ '^[0-9]{4}Q[1-4]$');
ALTER TABLE "distribution_runs" ADD CONSTRAINT "distribution_runs_amounts_check" CHECK (
  "recognisedCents" >= 0 AND "adminFeeCents" >= 0 AND "allocatedCents" >= 0 AND "heldInCents" >= 0 AND "heldOutCents" >= 0
);
ALTER TABLE "grant_revenues" ADD CONSTRAINT "grant_revenues_amounts_check" CHECK (
  "recognisedCents" >= 0 AND "adminFeeCents" >= 0 AND "netCents" = "recognisedCents" - "adminFeeCents"
);
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_amounts_check" CHECK ("amountCents" >= 0 AND "units" >= 0);
ALTER TABLE "statements" ADD CONSTRAINT "statements_amounts_check" CHECK (
  "carriedInCents" >= 0 AND "allocatedCents" >= 0 AND "withheldCents" >= 0 AND "paidCents" >= 0
  AND "carriedOutCents" >= 0 AND "thresholdCents" >= 0 AND "withholdingBps" BETWEEN 0 AND 10000
);
ALTER TABLE "statements" ADD CONSTRAINT "statements_balance_check" CHECK (
  "carriedInCents" + "allocatedCents" = "paidCents" + "withheldCents" + "carriedOutCents"
);
ALTER TABLE "statement_lines" ADD CONSTRAINT "statement_lines_amounts_check" CHECK (
  "grossCents" >= 0 AND "adminFeeShareCents" >= 0 AND "withholdingCents" >= 0 AND "netCents" >= 0
  AND "units" >= 0 AND "licenseesCounted" >= 0 AND "shareBps" BETWEEN 1 AND 10000
);
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_amount_check" CHECK ("amountCents" > 0 AND "attempts" >= 0);
ALTER TABLE "carried_balances" ADD CONSTRAINT "carried_balances_amount_check" CHECK ("amountCents" >= 0);

-- Platform
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_attempts_check" CHECK ("maxAttempts" >= 1 AND "attempts" >= 0);

-- The audit log is append-only: no row can be changed or removed, not even by the application.
CREATE FUNCTION "audit_logs_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_logs is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_logs_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "audit_logs"
  FOR EACH ROW EXECUTE FUNCTION "audit_logs_refuse_change"();

CREATE TRIGGER "audit_logs_no_truncate"
  BEFORE TRUNCATE ON "audit_logs"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_logs_refuse_change"();
