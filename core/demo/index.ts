export { demoWorkbook, type DemoOptions } from './demoWorkbook';
export { DEMO_CUSTOMERS, DEMO_ISSUER, type DemoCustomer } from './demoParties';
export { seededRandom, type SeededRandom } from './seededRandom';
export { utcDate } from './utcDate';
