-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "DeadLetter";
PRAGMA foreign_keys=on;

