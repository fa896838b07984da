import { CATEGORIES, currencyExponent, MAX_LISTING_STOCK, MAX_UNIT_PRICE_CENTS, type Category } from '@farmlink/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, cooperatives, listings, type Listing, type ListingBody, type ListingStatus } from '../../api';
import { ErrorNotice, Field, FormNotice, Loading, Options, PageTitle, ProduceImage } from '../../components/ui';
import { errorText, fieldFlags, gramsToKgInput, minorToInput, parseAmount, parseKg, todayIso, useAsync } from '../../components/util';
import { useI18n } from '../../i18n/i18n';
import { useAuth } from '../../state/auth';
import { useMarket } from '../../state/market';
import { StockHistory } from './StockHistory';

const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_PHOTOS = 8;

type FieldName = 'title' | 'category' | 'unit' | 'netWeight' | 'price' | 'stock' | 'harvestDate' | 'description' | 'photos' | 'cooperativeId' | 'sku';
type Errors = Partial<Record<FieldName | 'form', string>>;

interface Draft {
  title: string;
  category: Category | '';
  unit: string;
  netWeight: string;
  price: string;
  stock: string;
  harvestDate: string;
  description: string;
  cooperativeId: string;
  status: ListingStatus;
  sku: string;
}

const EMPTY: Draft = { title: '', category: '', unit: '', netWeight: '', price: '', stock: '', harvestDate: '', description: '', cooperativeId: '', status: 'active', sku: '' };

function fromListing(l: Listing): Draft {
  return {
    title: l.title,
    category: l.category,
    unit: l.unit,
    netWeight: gramsToKgInput(l.netWeightGrams),
    price: minorToInput(l.priceCents, l.currency),
    stock: String(l.stock),
    harvestDate: l.harvestDate?.slice(0, 10) ?? '',
    description: l.description ?? '',
    cooperativeId: l.cooperativeId ?? '',
    status: l.status,
    sku: l.sku ?? '',
  };
}

/** Maps the server's field names to the form's. */
const SERVER_FIELDS: Record<string, FieldName> = {
  title: 'title',
  category: 'category',
  unit: 'unit',
  netWeightGrams: 'netWeight',
  priceCents: 'price',
  stock: 'stock',
  harvestDate: 'harvestDate',
  description: 'description',
  cooperativeId: 'cooperativeId',
  sku: 'sku',
};

interface NewPhoto {
  file: File;
  preview: string;
}

/** Does the browser manage to decode the file as a picture? (A damaged file or random bytes named .png do not.) */
async function decodes(file: File): Promise<boolean> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(file);
      const ok = bitmap.width > 0 && bitmap.height > 0;
      bitmap.close();
      return ok;
    } catch {
      return false;
    }
  }
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img.naturalWidth > 0);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      resolve(false);
    };
    img.src = url;
  });
}

export default function ListingFormPage() {
  const { id } = useParams();
  const editing = Boolean(id);
  const { t, money, number } = useI18n();
  const { user } = useAuth();
  // Prices are in the farmer's market's currency (a listing's market is its farmer's).
  const currency = useMarket().market(user?.marketCode).currency;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const existing = useAsync(() => (id ? listings.getFresh(id) : Promise.resolve(null)), [id]);
  // Only cooperatives the farmer belongs to: the API refuses a listing through any other.
  const coops = useAsync(() => cooperatives.mine().catch(() => []), [user?.id]);
  const [draft, setDraft] = useState<Draft>({ ...EMPTY, cooperativeId: params.get('cooperativeId') ?? '' });
  const [photos, setPhotos] = useState<NewPhoto[]>([]);
  /** Why the last chosen file was refused (type or size); shown until a good file is chosen. */
  const [photoProblem, setPhotoProblem] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState('');
  const formRef = useRef<HTMLFormElement>(null);

  // The form is filled from the listing in the same render it arrives (not in an effect after it),
  // so an edit form never shows, even for a frame, empty fields that a quick hand could type into.
  const [filledFrom, setFilledFrom] = useState<Listing | null>(null);
  if (existing.data && existing.data !== filledFrom) {
    setFilledFrom(existing.data);
    setDraft(fromListing(existing.data));
  }
  // Previews are freed when the page goes (or a photo is removed), not when the list changes: kept ones stay visible.
  const previews = useRef(new Set<string>());
  useEffect(() => () => previews.current.forEach((u) => URL.revokeObjectURL(u)), []);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const validate = (): Errors => {
    const e: Errors = {};
    const title = draft.title.trim();
    if (!title) e.title = t('validation.required');
    else if (title.length > 200) e.title = t('validation.maxLength', { n: 200 });
    if (!draft.category) e.category = t('validation.chooseOne');
    if (!draft.unit.trim()) e.unit = t('validation.unit');
    else if (draft.unit.trim().length > 20) e.unit = t('validation.maxLength', { n: 20 });
    const grams = parseKg(draft.netWeight);
    if (grams === null || grams <= 0) e.netWeight = t('validation.weight');
    const cents = parseAmount(draft.price, currency);
    // Say what is wrong: too many decimals or too high is not "not above zero". Yuan keep their own words;
    // another currency is named, with its own decimals (KES 2, UGX none).
    const decimals = currencyExponent(currency);
    const example = minorToInput(38 * 10 ** decimals, currency);
    const tooManyDecimals = new RegExp(`^\\s*\\d+[.,]\\d{${decimals + 1},}\\s*$`).test(draft.price) || (decimals === 0 && /[.,]/.test(draft.price));
    if (tooManyDecimals) {
      e.price = currency === 'CNY' ? t('validation.priceDecimals') : decimals === 0 ? t('validation.priceWholeIn', { currency, example }) : t('validation.priceDecimalsIn', { currency, n: decimals, example });
    }
    else if (cents === null || cents <= 0) e.price = currency === 'CNY' ? t('validation.price') : t('validation.priceIn', { currency, example });
    else if (cents > MAX_UNIT_PRICE_CENTS) e.price = t('validation.priceMax', { max: money(MAX_UNIT_PRICE_CENTS, currency) });
    const stock = draft.stock.trim();
    if (!/^\d+$/.test(stock)) e.stock = t('validation.stock');
    else if (Number(stock) > MAX_LISTING_STOCK) e.stock = t('validation.stockMax', { max: number(MAX_LISTING_STOCK) });
    if (draft.harvestDate && draft.harvestDate > todayIso(1)) e.harvestDate = t('validation.harvestFuture');
    if (draft.description.length > 5000) e.description = t('validation.maxLength', { n: 5000 });
    const existingCount = existing.data?.photos.length ?? 0;
    if (existingCount + photos.length > MAX_PHOTOS) e.photos = t('validation.tooManyPhotos', { n: MAX_PHOTOS });
    else if (photoProblem) e.photos = photoProblem;
    return e;
  };

  const [checking, setChecking] = useState(false);
  const addFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const accepted: NewPhoto[] = [];
    let problem = '';
    setChecking(true);
    for (const file of Array.from(files)) {
      if (!PHOTO_TYPES.includes(file.type)) problem = t('validation.photoType');
      else if (file.size > MAX_PHOTO_BYTES) problem = t('validation.photoSize');
      else if (!(await decodes(file))) problem = t('validation.photoUnreadable', { name: file.name });
      else {
        const preview = URL.createObjectURL(file);
        previews.current.add(preview);
        accepted.push({ file, preview });
      }
    }
    setChecking(false);
    setPhotos((p) => [...p, ...accepted]);
    setPhotoProblem(problem);
    setErrors((e) => ({ ...e, photos: problem || undefined }));
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const e = validate();
    setErrors(e);
    if (Object.keys(e).length > 0) {
      // Take keyboard and screen-reader users to the first problem.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const body: ListingBody = {
      title: draft.title.trim(),
      category: draft.category as Category,
      unit: draft.unit.trim(),
      netWeightGrams: parseKg(draft.netWeight)!,
      priceCents: parseAmount(draft.price, currency)!,
      stock: Number(draft.stock.trim()),
      ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
      ...(draft.harvestDate ? { harvestDate: draft.harvestDate } : {}),
      ...(!editing && draft.cooperativeId ? { cooperativeId: draft.cooperativeId } : {}),
      ...(draft.sku.trim() ? { sku: draft.sku.trim() } : {}),
    };
    setBusy(true);
    let saved: Listing | null = null;
    let uploaded = 0;
    // A new listing with photos is created paused and goes live only once every photo is stored.
    const publishAfterPhotos = !editing && photos.length > 0;
    try {
      saved = editing
        ? await listings.update(id!, { ...body, sku: draft.sku.trim() || null, ...(draft.status === 'active' || draft.status === 'paused' ? { status: draft.status } : {}) })
        : await listings.create({ ...body, ...(publishAfterPhotos ? { status: 'paused' as const } : {}) });
      for (let i = 0; i < photos.length; i++) {
        setProgress(t('farm.uploadingPhoto', { n: i + 1, total: photos.length }));
        await listings.uploadPhoto(saved.id, photos[i].file, photos[i].file.name);
        uploaded = i + 1;
      }
      if (publishAfterPhotos) saved = await listings.update(saved.id, { status: 'active' });
      navigate(`/farm/listings?saved=${saved.id}`);
    } catch (err) {
      if (saved) {
        // The listing was saved, a photo was not: say so plainly, keep the photos not yet stored, and
        // continue in edit mode so nothing is created twice. A new listing stays paused (not in the shop).
        const stored = uploaded;
        setPhotos((ps) => ps.slice(stored));
        setErrors({
          photos: errorText(err, t),
          form: t(publishAfterPhotos ? 'farm.savedPausedWithoutPhotos' : 'farm.savedWithoutPhotos', { n: photos.length - stored }),
        });
        if (!editing) navigate(`/farm/listings/${saved.id}/edit`, { replace: true });
      } else if (err instanceof ApiError && err.body?.code === 'DUPLICATE_SKU') {
        setErrors({ sku: errorText(err, t) });
      } else if (err instanceof ApiError && err.status === 400) {
        const byField: Errors = {};
        for (const [k, msg] of Object.entries(fieldFlags(err, t))) byField[SERVER_FIELDS[k] ?? 'form'] = msg;
        setErrors({ ...byField, form: errorText(err, t) });
      } else {
        setErrors({ form: errorText(err, t) });
      }
    } finally {
      setBusy(false);
      setProgress('');
    }
  };

  if (editing && existing.error) return <ErrorNotice error={existing.error} onRetry={existing.reload} />;
  if (editing && !existing.data) return <Loading />;

  return (
    <div className="narrow narrow--wide">
      <PageTitle back={{ to: '/farm/listings', label: t('nav.myListings') }}>{editing ? t('farm.editListing') : t('farm.newListing')}</PageTitle>
      <form ref={formRef} className="card form" onSubmit={submit} noValidate aria-label={editing ? t('farm.editListing') : t('farm.newListing')}>
        <Field label={t('listing.title')} error={errors.title} hint={t('farm.titleHint')}>
          <input name="title" value={draft.title} onChange={(e) => set('title', e.target.value)} />
        </Field>
        <Field label={t('listing.category')} error={errors.category}>
          <select name="category" value={draft.category} onChange={(e) => set('category', e.target.value as Category)}>
            <Options empty={t('region.choose')} options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
          </select>
        </Field>
        <div className="form-row">
          <Field label={t('listing.unit')} error={errors.unit} hint={t('farm.unitHint')}>
            <input name="unit" value={draft.unit} onChange={(e) => set('unit', e.target.value)} />
          </Field>
          <Field label={t('farm.netWeightKg')} error={errors.netWeight}>
            <input name="netWeight" inputMode="decimal" value={draft.netWeight} onChange={(e) => set('netWeight', e.target.value)} />
          </Field>
        </div>
        <div className="form-row">
          <Field label={currency === 'CNY' ? t('farm.priceYuan') : t('farm.priceIn', { currency })} error={errors.price}>
            <input name="price" inputMode="decimal" value={draft.price} onChange={(e) => set('price', e.target.value)} />
          </Field>
          <Field label={t('listing.stock')} error={errors.stock}>
            <input name="stock" inputMode="numeric" value={draft.stock} onChange={(e) => set('stock', e.target.value)} />
          </Field>
        </div>
        {(() => {
          const g = parseKg(draft.netWeight);
          const c = parseAmount(draft.price, currency);
          return g && c ? <p className="muted">{t('farm.perKgPreview', { price: money(Math.round((c * 1000) / g), currency) })}</p> : null;
        })()}
        <Field label={t('farm.sku')} error={errors.sku} hint={t('farm.skuHint')} optional>
          <input name="sku" maxLength={64} autoComplete="off" value={draft.sku} onChange={(e) => set('sku', e.target.value)} />
        </Field>
        <Field label={t('listing.harvestDate')} error={errors.harvestDate} optional>
          <input name="harvestDate" type="date" value={draft.harvestDate} max={todayIso(1)} onChange={(e) => set('harvestDate', e.target.value)} />
        </Field>
        <Field label={t('listing.description')} error={errors.description} optional>
          <textarea name="description" rows={4} value={draft.description} onChange={(e) => set('description', e.target.value)} />
        </Field>
        {!editing && (coops.data?.length ?? 0) > 0 && (
          <Field label={t('farm.sellThrough')} error={errors.cooperativeId} hint={t('farm.sellThroughHint')}>
            <select name="cooperativeId" value={draft.cooperativeId} onChange={(e) => set('cooperativeId', e.target.value)}>
              <option value="">{t('farm.sellMyself')}</option>
              {coops.data!.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        {editing && (
          <Field label={t('farm.status')}>
            <select name="status" value={draft.status} onChange={(e) => set('status', e.target.value as ListingStatus)}>
              <option value="active">{t('listingStatus.active')}</option>
              <option value="paused">{t('listingStatus.paused')}</option>
            </select>
          </Field>
        )}
        <Field label={t('farm.photos')} error={errors.photos} hint={t('farm.photosHint')}>
          <input
            name="photos"
            type="file"
            accept={PHOTO_TYPES.join(',')}
            multiple
            onChange={(e) => {
              const input = e.target;
              void addFiles(input.files).then(() => {
                input.value = '';
              });
            }}
          />
        </Field>
        {((existing.data?.photos.length ?? 0) > 0 || photos.length > 0) && (
          <ul className="photo-previews" aria-label={t('farm.photos')}>
            {existing.data?.photos.map((p) => (
              <li key={p.url}>
                <ProduceImage photo={p} alt="" sizes="96px" />
              </li>
            ))}
            {photos.map((p, i) => (
              <li key={p.preview}>
                <img src={p.preview} alt={t('farm.newPhoto', { n: i + 1 })} width={96} height={96} />
                <button type="button" className="photo-previews__remove" aria-label={t('farm.removePhoto', { n: i + 1 })} onClick={() => {
                    URL.revokeObjectURL(p.preview);
                    previews.current.delete(p.preview);
                    setPhotos((ps) => ps.filter((x) => x !== p));
                  }}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <FormNotice text={errors.form} />
        {Object.keys(errors).filter((k) => k !== 'form' && errors[k as FieldName]).length > 0 && !errors.form && (
          <p className="notice notice--error" role="alert" data-testid="form-summary">
            {t('validation.fixBelow')}
          </p>
        )}
        <button type="submit" className="btn btn--primary btn--block" disabled={busy || checking}>
          {busy ? progress || t('common.working') : editing ? t('common.save') : t('farm.publish')}
        </button>
      </form>
      {editing && <StockHistory listingId={id!} />}
    </div>
  );
}
