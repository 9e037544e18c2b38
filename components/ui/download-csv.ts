/**
 * Saves CSV as a file in the browser (a BOM first, so spreadsheet apps read UTF-8 names correctly). The one
 * download of the app's CSV exports (the dashboard's plan and actuals, streamed by app/api/export; the names list);
 * the text is made on the server. A Blob is kept as it came (the browser may hold a big one on disk).
 */
export function downloadCsv(csv: string | Blob, fileName: string): void {
  const url = URL.createObjectURL(new Blob(["\uFEFF", csv], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers start the download after the click returns: free the blob a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
