-- AlterTable
ALTER TABLE "license_grants" ADD COLUMN     "checkoutFailures" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "license_grants" ADD CONSTRAINT "license_grants_checkout_failures_check" CHECK ("checkoutFailures" >= 0);
