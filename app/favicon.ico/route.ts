// Browsers ask for /favicon.ico on their own (before reading the page's icon link, or for pages
// without one): send them to the app's icon instead of a 404. The location is relative, because
// behind a proxy or a 0.0.0.0 bind the request's own URL does not name the host the browser used.
export function GET(): Response {
  return new Response(null, { status: 308, headers: { location: "/icon.svg" } });
}
