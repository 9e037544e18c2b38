import type { MetadataRoute } from "next";

/** The web app manifest (/manifest.webmanifest): Backplan installs as a standalone app; offline it opens the Log. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Backplan",
    short_name: "Backplan",
    description: "Plan backwards from the goal and log your daily actions — offline too.",
    id: "/",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#f8fafc",
    theme_color: "#1d5fd1",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
