-- DropTable
DROP TABLE "DeadLetter";

-- DropEnum
DROP TYPE "DeadLetterStatus";

