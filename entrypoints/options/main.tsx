import { render } from 'preact';
import { TERM_CARD_CSS } from '../../components/term-card-css';
import { Options } from './Options';
import '../../components/ui.css';
import './options.css';

const cardStyle = document.createElement('style');
cardStyle.textContent = TERM_CARD_CSS;
document.head.append(cardStyle);

render(<Options />, document.getElementById('app')!);
