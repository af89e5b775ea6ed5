import { FileUploader } from "../uploads/file-uploader";

/** A works file (CSV or ONIX) for the works.import job; the import's page follows it. */
export function ImportUploader({ maxBytes }: { maxBytes: number }) {
  return (
    <FileUploader
      endpoint="/api/works-imports"
      maxBytes={maxBytes}
      resultKey="import"
      redirectTo="/rightsholder/imports"
      inputLabel="Works file"
      accept=".csv,.txt,.xml,.onix,.onx,text/csv,application/xml,text/xml"
      formats="CSV (UTF-8) or ONIX 3.0 XML"
      wrongKindMessage='is not a CSV or XML file. In Excel, use Save As → "CSV UTF-8", then upload that file.'
      buttonLabel="Upload and import"
      startingText="Uploaded. Checking the file and starting the import…"
    />
  );
}
