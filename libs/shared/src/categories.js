"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CATEGORIES = void 0;
exports.CATEGORIES = [
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
];
//# sourceMappingURL=categories.js.map