export { createDiskCheckout } from './disk-checkout.js';
export { writeCheckoutFiles } from './write-checkout-files.js';
