/** Renders a react-email template to the HTML part of a mail (the text part is written beside each template). */
import { render } from "@react-email/render";
import type { ReactElement } from "react";

export function renderHtml(element: ReactElement): Promise<string> {
  return render(element);
}
