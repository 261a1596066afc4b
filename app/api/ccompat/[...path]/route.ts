import { ccompatRoute } from "@/lib/ccompat/ccompat-route";
import { AppError } from "@/lib/errors";

// Unknown paths under the Confluent API answer in Confluent's error shape, not Eventscope's.
const notFound = ccompatRoute({ name: "unknown Confluent API route" }, async () => {
  throw new AppError("NOT_FOUND", "HTTP 404 Not Found");
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as DELETE };
