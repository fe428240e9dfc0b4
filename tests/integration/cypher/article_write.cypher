// Test only: one bare Article node, to probe the uniqueness constraint. params: $id
CREATE (:Article {id: $id})
