import { ImageResponse } from "next/og";

import { ogColors } from "@/lib/og/card";

// The site's mark (the accent frame and dot of the share cards) as the home-screen icon, drawn to a PNG at build time.
// iOS draws its own rounded corners, so the square is full bleed.
export const size = { width: 180, height: 180 };
export const contentType = "image/png";
export const dynamic = "force-static";

export default function AppleIcon() {
  return new ImageResponse(
    <div
      style={{
        display: "flex",
        width: "100%",
        height: "100%",
        alignItems: "center",
        justifyContent: "center",
        background: ogColors.frame,
      }}
    >
      <div style={{ display: "flex", width: 80, height: 80, borderRadius: 40, background: ogColors.panel }} />
    </div>,
    size,
  );
}
