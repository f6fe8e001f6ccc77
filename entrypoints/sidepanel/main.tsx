import { render } from 'preact';
import { SidePanel } from './SidePanel';
import '../../components/ui.css';
import './sidepanel.css';

render(<SidePanel />, document.getElementById('app')!);
