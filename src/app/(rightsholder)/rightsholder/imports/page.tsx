import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/imports/auto-refresh";
import { CsvColumns } from "@/components/imports/csv-columns";
import { ImportUploader } from "@/components/imports/import-uploader";
import { ImportsList } from "@/components/imports/imports-list";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { listWorksImports } from "@/server/imports/imports.queries";
import { IMPORT_LIMITS } from "@/server/imports/imports.schema";

export const metadata: Metadata = { title: "Imports" };

export default async function RightsholderImportsPage() {
  const actor = await requirePageActor("/rightsholder/imports", can.useRightsholderArea);
  const membership = currentMembership(actor, "RIGHTSHOLDER");
  if (!membership) notFound();
  const imports = await listWorksImports(actor, membership.organizationId);
  const isAnyActive = imports.some((i) => i.isActive);
  return (
    <>
      <PageHeader
        title="Imports"
        description={`Enroll ${membership.organizationName}'s works in bulk from a CSV or ONIX 3.0 file. Large files are fine: the import runs in the background and you can leave this page.`}
      />
      <div className="space-y-6">
        <Card>
          <CardTitle description="Each row becomes a work, or updates the work its identifier already belongs to. Lines with problems are listed afterwards; the rest is imported.">
            Upload a works file
          </CardTitle>
          <ImportUploader maxBytes={IMPORT_LIMITS.maxFileBytes} />
        </Card>
        <Card>
          <CardTitle description={isAnyActive ? "Updating while an import runs." : "The last 50 uploads by anyone in your organisation."}>
            Your imports
          </CardTitle>
          <ImportsList imports={imports} />
          <AutoRefresh isActive={isAnyActive} />
        </Card>
        <Card>
          <CardTitle>CSV columns</CardTitle>
          <CsvColumns />
        </Card>
      </div>
    </>
  );
}
