import Link from "next/link";

export default function NotFound() {
  return (
    <div className="empty">
      <strong>This page does not exist.</strong>
      <Link href="/">Back to the overview</Link>
    </div>
  );
}
