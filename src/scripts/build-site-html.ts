/**
 * The site's index.html. Relative URLs only (file:// and any sub-path). The policy allows nothing
 * from another origin; 'wasm-unsafe-eval' is for Yoga, blob: frames for the PDF preview, data:
 * fetches for fonts carried as data: URLs.
 */
export const SITE_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' data: blob:",
  "img-src 'self' blob: data:",
  "style-src 'self'",
  "font-src 'self'",
  'frame-src blob:',
  'object-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function siteHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${SITE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Personal learning network worksheets</title>
<link rel="stylesheet" href="./app.css">
</head>
<body>
<noscript><p>This page needs JavaScript to build your worksheets. Nothing you type leaves this device.</p></noscript>
<div id="app"></div>
<script src="./app.js"></script>
</body>
</html>
`;
}
