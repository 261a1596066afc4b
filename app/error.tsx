"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="empty" role="alert">
      <strong>This page could not be loaded.</strong>
      <p>{error.digest ? `Reference ${error.digest}. ` : ""}The error was logged on the server.</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
