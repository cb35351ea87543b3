// The template generations nianbao knows: one declaration file each. A provincial variant
// is one more file listed here; everything else derives from the list.
import gen2019 from './gen2019';
import gen2021 from './gen2021';

export const DECLARATIONS = [gen2019, gen2021] as const;

/** A generation's name as its declaration writes it ('2019', '2021'). */
export type Generation = (typeof DECLARATIONS)[number]['generation'];
