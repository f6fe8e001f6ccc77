/**
 * The styles of TermCard, as a string: the hover card puts them in its shadow
 * root (so the page's CSS and ours never meet), the popup and options page add
 * them once. Pixel units only: the page's root font size must not scale the card.
 */
export const TERM_CARD_CSS = `
.atz-card {
  position: relative;
  box-sizing: border-box;
  display: flex;
  flex-direction: column;
  width: 360px;
  max-width: calc(100vw - 16px);
  max-height: 420px;
  max-height: min(420px, calc(100vh - 16px));
  overflow: hidden;
  background: #ffffff;
  color: #1f2328;
  border: 1px solid #d0d7de;
  border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);
  font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif;
  text-align: left;
}
.atz-card:focus { outline: none; }
.atz-card:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
.atz-card * { box-sizing: border-box; }
.atz-body { flex: 1 1 auto; min-height: 0; overflow: auto; padding: 10px 14px 8px; }
.atz-head { padding-right: 22px; }
.atz-found { font-size: 12px; color: #57606a; }
.atz-term { font-size: 17px; font-weight: 600; }
.atz-main-term { font-size: 13px; color: #57606a; }
.atz-equivalent { margin-top: 2px; }
.atz-lang { font-size: 12px; color: #57606a; }
.atz-equivalent-term { font-weight: 600; color: #0b5394; }
.atz-definition { margin: 6px 0 0; }
.atz-badges { margin-top: 6px; display: flex; gap: 6px; flex-wrap: wrap; }
.atz-badge { font-size: 11px; padding: 1px 6px; border-radius: 10px; }
.atz-approximate { background: #ffe8cc; color: #7a4100; }
.atz-personal { background: #d8f5de; color: #1a5e2a; }
.atz-status { background: #eaeef2; color: #424a53; }
.atz-status-historical { background: #f1e5ff; color: #5a2a8a; }
.atz-attested { margin-top: 4px; font-size: 12px; color: #57606a; }
.atz-citations { list-style: none; margin: 6px 0 0; padding: 0; }
.atz-citation { margin: 0 0 2px; }
.atz-cite {
  font-size: 12px; font-weight: 600; color: #424a53; cursor: pointer;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; border-radius: 4px;
}
.atz-cite:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
.atz-quote {
  margin: 2px 0 0; padding: 2px 0 2px 8px;
  border-left: 3px solid #d0d7de; font-size: 13px; color: #24292f;
}
.atz-cite-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; margin: 3px 0 6px; }
.atz-source { font-size: 12px; font-weight: 400; color: #0969da; text-decoration: none; }
.atz-source:hover { text-decoration: underline; }
.atz-source:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
.atz-cite-actions button {
  padding: 0; border: 0; background: none; color: #0969da;
  font: 12px/1.4 system-ui, sans-serif; cursor: pointer;
}
.atz-cite-actions button:hover { text-decoration: underline; }
.atz-cite-actions button:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
.atz-senses { margin-top: 6px; font-size: 12px; color: #57606a; }
.atz-sense {
  margin: 2px 4px 0 0; padding: 1px 6px; border: 1px solid #d0d7de; border-radius: 10px;
  background: #f6f8fa; color: #1f2328; font: 12px/1.4 system-ui, sans-serif; cursor: pointer;
}
.atz-sense:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
.atz-close {
  position: absolute; top: 4px; right: 4px;
  width: 24px; height: 24px; padding: 0;
  border: 0; border-radius: 4px; background: transparent; color: #57606a;
  font: 18px/24px system-ui, sans-serif; cursor: pointer;
}
.atz-actions {
  flex: none; display: flex; gap: 6px; flex-wrap: wrap;
  padding: 8px 14px 10px; border-top: 1px solid #eaeef2; background: inherit;
}
.atz-actions button {
  padding: 3px 8px; border: 1px solid #d0d7de; border-radius: 6px;
  background: #f6f8fa; color: #1f2328; font: 12px/1.4 system-ui, sans-serif; cursor: pointer;
}
.atz-actions button:hover { background: #eaeef2; }
.atz-actions button:focus-visible, .atz-close:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
.atz-status-line {
  position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
@media (prefers-color-scheme: dark) {
  .atz-card { background: #1c2128; color: #e6edf3; border-color: #444c56; }
  .atz-found, .atz-main-term, .atz-lang, .atz-close, .atz-attested { color: #9da7b3; }
  .atz-cite { color: #cdd9e5; }
  .atz-equivalent-term { color: #79b8ff; }
  .atz-source, .atz-cite-actions button { color: #79b8ff; }
  .atz-senses { color: #9da7b3; }
  .atz-sense { background: #2d333b; color: #e6edf3; border-color: #444c56; }
  .atz-status { background: #2d333b; color: #cdd9e5; }
  .atz-quote { color: #cdd9e5; border-left-color: #444c56; }
  .atz-actions { border-top-color: #444c56; }
  .atz-actions button { background: #2d333b; color: #e6edf3; border-color: #444c56; }
}
`;
