import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="notice">
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link to="/">{t('nav.backToShop')}</Link>
      </p>
    </div>
  );
}
