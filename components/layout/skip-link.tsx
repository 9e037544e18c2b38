/** First focusable element on every page: jumps past the header and navigation to #main. */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="text-brand-700 sr-only z-50 rounded-lg bg-white font-medium shadow-lg focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-4 focus:py-3"
    >
      Skip to content
    </a>
  );
}
