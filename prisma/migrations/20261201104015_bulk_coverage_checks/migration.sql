-- CreateEnum
CREATE TYPE "CoverageCheckStatus" AS ENUM ('QUEUED', 'PROCESSING', 'COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "CoverageCheckSource" AS ENUM ('FILE', 'API');

-- CreateTable
CREATE TABLE "coverage_checks" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "source" "CoverageCheckSource" NOT NULL,
    "fileName" TEXT NOT NULL,
    "storagePath" TEXT NOT NULL,
    "fileSize" BIGINT NOT NULL,
    "purpose" "Purpose" NOT NULL,
    "onDate" DATE NOT NULL,
    "status" "CoverageCheckStatus" NOT NULL DEFAULT 'QUEUED',
    "percent" INTEGER NOT NULL DEFAULT 0,
    "lineCount" INTEGER,
    "coveredCount" INTEGER NOT NULL DEFAULT 0,
    "notCoveredCount" INTEGER NOT NULL DEFAULT 0,
    "invalidCount" INTEGER NOT NULL DEFAULT 0,
    "reasonCounts" JSONB,
    "resultPath" TEXT,
    "errorMessage" TEXT,
    "createdById" UUID,
    "apiKeyId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "coverage_checks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "coverage_checks_organizationId_createdAt_idx" ON "coverage_checks"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "coverage_checks" ADD CONSTRAINT "coverage_checks_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Checks Prisma cannot express.
ALTER TABLE "coverage_checks"
  ADD CONSTRAINT "coverage_checks_percent_range" CHECK ("percent" BETWEEN 0 AND 100),
  ADD CONSTRAINT "coverage_checks_counts_nonnegative" CHECK ("coveredCount" >= 0 AND "notCoveredCount" >= 0 AND "invalidCount" >= 0 AND ("lineCount" IS NULL OR "lineCount" >= 0));
