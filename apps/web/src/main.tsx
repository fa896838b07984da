import { lazy, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { Layout, RequireRole } from './components/Layout';
import { I18nProvider } from './i18n/i18n';
import { ShopPage } from './pages/shop/ShopPage';
import { AuthProvider } from './state/auth';
import { CartProvider } from './state/cart';
import { MarketProvider } from './state/market';
import './styles.css';

// Route-level code splitting: only the shop's front page is in the first load.
const ListingPage = lazy(() => import('./pages/shop/ListingPage'));
const SellerPage = lazy(() => import('./pages/shop/SellerPage'));
const CartPage = lazy(() => import('./pages/shop/CartPage'));
const CheckoutPage = lazy(() => import('./pages/shop/CheckoutPage'));
const PaymentPage = lazy(() => import('./pages/shop/PaymentPage'));
const OrdersPage = lazy(() => import('./pages/shop/OrdersPage'));
const OrderDetailPage = lazy(() => import('./pages/shop/OrderDetailPage'));
const LoginPage = lazy(() => import('./pages/account/LoginPage'));
const RegisterPage = lazy(() => import('./pages/account/RegisterPage'));
const ForgotPasswordPage = lazy(() => import('./pages/account/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('./pages/account/ResetPasswordPage'));
const VerifyEmailPage = lazy(() => import('./pages/account/VerifyEmailPage'));
const AccountPage = lazy(() => import('./pages/account/AccountPage'));
const FarmHome = lazy(() => import('./pages/farm/FarmHome'));
const MyListingsPage = lazy(() => import('./pages/farm/MyListingsPage'));
const ListingFormPage = lazy(() => import('./pages/farm/ListingFormPage'));
const ImportListingsPage = lazy(() => import('./pages/farm/ImportListingsPage'));
const SalesPage = lazy(() => import('./pages/farm/SalesPage'));
const PackingSlipsPage = lazy(() => import('./pages/farm/PackingSlipsPage'));
const LedgerPage = lazy(() => import('./pages/farm/LedgerPage'));
const ShippingRatesPage = lazy(() => import('./pages/farm/ShippingRatesPage'));
const CooperativesPage = lazy(() => import('./pages/farm/CooperativesPage'));
const CooperativePage = lazy(() => import('./pages/farm/CooperativePage'));
const DashboardPage = lazy(() => import('./pages/officer/DashboardPage'));
const AdminPage = lazy(() => import('./pages/officer/AdminPage'));
const PovertyClaimsPage = lazy(() => import('./pages/officer/PovertyClaimsPage'));
const TrustPage = lazy(() => import('./pages/officer/TrustPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<ShopPage />} />
        <Route path="listings/:id" element={<ListingPage />} />
        <Route path="farms/:slug" element={<SellerPage kind="farm" />} />
        <Route path="cooperatives/:slug" element={<SellerPage kind="cooperative" />} />
        <Route path="cart" element={<CartPage />} />
        <Route path="checkout" element={<RequireRole roles={['buyer']}><CheckoutPage /></RequireRole>} />
        <Route path="pay/:paymentId" element={<RequireRole roles={['buyer']}><PaymentPage /></RequireRole>} />
        <Route path="orders" element={<RequireRole roles={['buyer']}><OrdersPage /></RequireRole>} />
        <Route path="orders/:id" element={<RequireRole roles={['buyer', 'farmer']}><OrderDetailPage /></RequireRole>} />
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="verify-email" element={<VerifyEmailPage />} />
        <Route path="account" element={<RequireRole roles={['buyer', 'farmer', 'officer', 'admin']}><AccountPage /></RequireRole>} />
        <Route path="farm" element={<RequireRole roles={['farmer']}><FarmHome /></RequireRole>} />
        <Route path="farm/listings" element={<RequireRole roles={['farmer']}><MyListingsPage /></RequireRole>} />
        <Route path="farm/listings/new" element={<RequireRole roles={['farmer']}><ListingFormPage /></RequireRole>} />
        <Route path="farm/listings/import" element={<RequireRole roles={['farmer']}><ImportListingsPage /></RequireRole>} />
        <Route path="farm/listings/:id/edit" element={<RequireRole roles={['farmer']}><ListingFormPage /></RequireRole>} />
        <Route path="farm/sales" element={<RequireRole roles={['farmer']}><SalesPage /></RequireRole>} />
        <Route path="farm/orders/print" element={<RequireRole roles={['farmer']}><PackingSlipsPage /></RequireRole>} />
        <Route path="farm/ledger" element={<RequireRole roles={['farmer']}><LedgerPage /></RequireRole>} />
        <Route path="farm/shipping" element={<RequireRole roles={['farmer']}><ShippingRatesPage /></RequireRole>} />
        <Route path="farm/cooperatives" element={<RequireRole roles={['farmer']}><CooperativesPage /></RequireRole>} />
        <Route path="farm/cooperatives/:id" element={<RequireRole roles={['farmer', 'officer', 'admin']}><CooperativePage /></RequireRole>} />
        <Route path="officer" element={<RequireRole roles={['officer', 'admin']}><DashboardPage /></RequireRole>} />
        <Route path="officer/poverty" element={<RequireRole roles={['officer', 'admin']}><PovertyClaimsPage /></RequireRole>} />
        <Route path="admin" element={<RequireRole roles={['admin']}><AdminPage /></RequireRole>} />
        <Route path="admin/trust" element={<RequireRole roles={['admin']}><TrustPage /></RequireRole>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AuthProvider>
      <MarketProvider>
        <I18nProvider>
          <CartProvider>
            <BrowserRouter>
              <App />
            </BrowserRouter>
          </CartProvider>
        </I18nProvider>
      </MarketProvider>
    </AuthProvider>
  </StrictMode>,
);
