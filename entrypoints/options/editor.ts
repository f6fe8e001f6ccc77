/** The options page's editor chunk (see ./later.ts): the entry form and the card preview beside it. */
export { EntryForm } from '../../components/EntryForm';
export { TermCard } from '../../components/TermCard';
