-- DropIndex
DROP INDEX "usage_lines_matchStatus_idx";

-- AlterTable
ALTER TABLE "usage_reports" ADD COLUMN     "errorMessage" TEXT,
ADD COLUMN     "fileSize" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "percent" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "summedLines" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "usage_reminders" (
    "organizationId" UUID NOT NULL,
    "quarter" TEXT NOT NULL,
    "sentCount" INTEGER NOT NULL DEFAULT 0,
    "lastSentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "usage_reminders_pkey" PRIMARY KEY ("organizationId","quarter")
);

-- CreateIndex
CREATE INDEX "usage_lines_open_idx" ON "usage_lines"("matchStatus", "reportId") WHERE ("matchStatus" = ANY (ARRAY['UNMATCHED'::"MatchStatus", 'AMBIGUOUS'::"MatchStatus"]));

-- AddForeignKey
ALTER TABLE "usage_reminders" ADD CONSTRAINT "usage_reminders_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Checks Prisma cannot express.
ALTER TABLE "usage_reports" ADD CONSTRAINT "usage_reports_percent_range" CHECK ("percent" BETWEEN 0 AND 100);
ALTER TABLE "usage_reports" ADD CONSTRAINT "usage_reports_summed_nonnegative" CHECK ("summedLines" >= 0);
ALTER TABLE "usage_reminders" ADD CONSTRAINT "usage_reminders_at_most_two" CHECK ("sentCount" BETWEEN 0 AND 2);
