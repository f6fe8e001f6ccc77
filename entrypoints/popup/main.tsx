import { render } from 'preact';
import { TERM_CARD_CSS } from '../../components/term-card-css';
import { Popup } from './Popup';
import '../../components/ui.css';
import './popup.css';

const cardStyle = document.createElement('style');
cardStyle.textContent = TERM_CARD_CSS;
document.head.append(cardStyle);

render(<Popup />, document.getElementById('app')!);
