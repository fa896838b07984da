export const CATEGORIES = [
  'grain',
  'vegetables',
  'fruit',
  'tea',
  'livestock',
  'aquatic',
  'eggs_dairy',
  'nuts_seeds',
  'herbs_fungi',
  'processed',
  'handicraft',
] as const;
export type Category = (typeof CATEGORIES)[number];
