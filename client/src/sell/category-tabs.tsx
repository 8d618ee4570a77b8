import type { Category } from '@pos/shared';

interface CategoryTabsProps {
  categories: readonly Category[];
  selected: string | null;
  onSelect: (categoryId: string | null) => void;
}

export function CategoryTabs({ categories, selected, onSelect }: CategoryTabsProps) {
  const sorted = [...categories]
    .filter((c) => !c._deleted)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name));

  const tab = (id: string | null, name: string, color: string) => (
    <button
      key={id ?? 'all'}
      type="button"
      role="tab"
      aria-selected={selected === id}
      className={`category-tab ${selected === id ? 'category-tab--selected' : ''}`}
      style={{ borderBottomColor: color }}
      data-testid={`category-tab-${id ?? 'all'}`}
      onClick={() => onSelect(id)}
    >
      {name}
    </button>
  );

  return (
    <div className="category-tabs" role="tablist" aria-label="Categories">
      {tab(null, 'All', '#94a3b8')}
      {sorted.map((category) => tab(category.id, category.name, category.color || '#94a3b8'))}
    </div>
  );
}
