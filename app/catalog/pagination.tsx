import Link from "next/link";
import { catalogHref, pageWindow, type CatalogParams } from "@/lib/registry/view/catalog-url";

export function Pagination({ params, total, pageSize }: { params: CatalogParams; total: number; pageSize: number }) {
  const { pages, items } = pageWindow(total, pageSize, params.page);
  if (pages <= 1) return null;
  const current = Math.min(params.page, pages);
  return (
    <nav className="pagination" aria-label="Pages">
      {current > 1 ? (
        <Link href={catalogHref(params, { page: current - 1 })} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className="muted" aria-disabled="true">
          ← Previous
        </span>
      )}
      {items.map((page, index) =>
        page === null ? (
          <span key={`gap-${index}`} className="muted">
            …
          </span>
        ) : (
          <Link key={page} href={catalogHref(params, { page })} aria-current={page === current ? "page" : undefined} aria-label={`Page ${page}`}>
            {page}
          </Link>
        ),
      )}
      {current < pages ? (
        <Link href={catalogHref(params, { page: current + 1 })} rel="next">
          Next →
        </Link>
      ) : (
        <span className="muted" aria-disabled="true">
          Next →
        </span>
      )}
    </nav>
  );
}
