import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

// Unknown API paths answer in the API's own error shape, not with the HTML 404 page.
const notFound = route({ name: "unknown API route" }, async ({ request }) => {
  throw new AppError("NOT_FOUND", `no API route ${request.method} ${new URL(request.url).pathname}`);
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
