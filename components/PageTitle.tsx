/** The larger icon file for the larger heading, so the icon stays sharp. */
const ICON_FILE = { 20: '/icon/32.png', 32: '/icon/48.png' } as const;

/** A page's heading: the extension's icon (decoration, so no alt text) before the page's name. */
export function PageTitle({ title, iconSize = 20 }: { title: string; iconSize?: 20 | 32 }) {
  return (
    <h1>
      <img src={ICON_FILE[iconSize]} alt="" width={iconSize} height={iconSize} />
      {title}
    </h1>
  );
}
