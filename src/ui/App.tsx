/** The lab's page layout (placeholder until the panels land). */
import { useTranslation } from 'react-i18next';

export function App() {
  const { t } = useTranslation();
  return <h1>{t('app.placeholder.title')}</h1>;
}
