import { render } from 'preact';

function Popup() {
  return <main>Ata Zan</main>;
}

render(<Popup />, document.getElementById('app')!);
